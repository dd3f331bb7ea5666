import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';

export interface ChildSpec {
  name: string;
  command: string;
  args: string[];
  /** stdout and stderr go here (truncated at each start), so the terminal stays readable. */
  logFile: string;
}

export interface ChildExit {
  name: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * Runs the long-lived processes (API, worker). Each runs in its own process group, so a
 * Ctrl-C in the terminal reaches it once, forwarded from here, and not a second time from
 * the terminal (a second SIGINT would cut a graceful shutdown short). When one of them
 * exits on its own, `failed` is aborted and `onUnexpectedExit` decides what happens next.
 */
export class Supervisor {
  private readonly children = new Map<string, { child: ChildProcess; spec: ChildSpec }>();
  private readonly exited = new Map<string, Promise<ChildExit>>();
  private stopping = false;
  readonly failed = new AbortController();

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly cwd: string,
    private readonly onUnexpectedExit: (exit: ChildExit) => void,
  ) {
    // a crash of this process must not leave the API holding its port
    process.once('exit', () => {
      for (const { child } of this.children.values()) child.kill('SIGKILL');
    });
  }

  start(spec: ChildSpec): ChildProcess {
    const log = openSync(spec.logFile, 'w', 0o600);
    const child = spawn(spec.command, spec.args, {
      cwd: this.cwd,
      env: this.env,
      stdio: ['ignore', log, log],
      detached: true,
    });
    closeSync(log);
    this.children.set(spec.name, { child, spec });
    this.exited.set(
      spec.name,
      new Promise((resolve) => {
        let settled = false;
        const settle = (code: number | null, signal: NodeJS.Signals | null) => {
          if (settled) return;
          settled = true;
          this.children.delete(spec.name);
          const exit = { name: spec.name, code, signal };
          resolve(exit);
          if (!this.stopping) {
            this.failed.abort(`the ${spec.name} exited (${describeExit(exit)})`);
            this.onUnexpectedExit(exit);
          }
        };
        child.once('exit', settle);
        // a process that could not be spawned at all (e.g. a missing binary) may never exit
        child.once('error', () => {
          if (child.pid === undefined) settle(127, null);
        });
      }),
    );
    return child;
  }

  get running(): string[] {
    return [...this.children.keys()];
  }

  /**
   * Sends `signal` to every running child and waits for all to exit; whatever is still
   * running after `graceMs` is killed.
   */
  async stop(signal: NodeJS.Signals, graceMs = 30_000): Promise<ChildExit[]> {
    this.stopping = true;
    for (const { child } of this.children.values()) child.kill(signal);
    const all = Promise.all(this.exited.values());
    const timer = setTimeout(() => this.kill(), graceMs);
    try {
      return await all;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Ends every child at once (a second Ctrl-C, or the grace period is over). */
  kill(): void {
    this.stopping = true;
    for (const { child } of this.children.values()) child.kill('SIGKILL');
  }
}

export function describeExit({ code, signal }: Pick<ChildExit, 'code' | 'signal'>): string {
  return signal ? `killed by ${signal}` : `exit code ${code}`;
}

/** The last `lines` lines of a log file, to show why a child died. */
export function tail(file: string, lines = 20): string {
  if (!existsSync(file)) return '';
  const text = readFileSync(file, 'utf8').trimEnd();
  return text.split('\n').slice(-lines).join('\n');
}
