import { spawn, type ChildProcess } from 'node:child_process';
import { StartError } from './start-error';

const running = new Set<ChildProcess>();

/**
 * Runs a one-shot command (migrate, build, create a key) to completion. Its output goes to
 * the terminal, unless `capture` asks for stdout back: then stderr is kept for the error
 * message only (what the command says to people is not for the user of npm start).
 */
export function runStep(
  what: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; capture?: boolean },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: [
        'ignore',
        ...(options.capture ? (['pipe', 'pipe'] as const) : (['inherit', 'inherit'] as const)),
      ],
    });
    running.add(child);
    let out = '';
    let err = '';
    child.stdout?.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.stderr?.setEncoding('utf8').on('data', (s: string) => (err += s));
    child.once('error', (e) => {
      running.delete(child);
      reject(new StartError(`${what} failed: could not run ${command} (${e.message})`));
    });
    child.once('close', (code, signal) => {
      running.delete(child);
      if (code === 0) resolve(out);
      else
        reject(
          new StartError(
            `${what} failed (${signal ? `killed by ${signal}` : `exit code ${code}`}): ` +
              [[command, ...args].join(' '), out.trimEnd(), err.trimEnd()]
                .filter(Boolean)
                .join('\n'),
          ),
        );
    });
  });
}

/** Passes a signal on to the one-shot commands still running (Ctrl-C during a build). */
export function signalSteps(signal: NodeJS.Signals): void {
  for (const child of running) child.kill(signal);
}
