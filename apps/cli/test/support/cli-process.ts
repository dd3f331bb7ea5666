import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');
const MAIN = join(ROOT, 'apps/cli/src/main.ts');

/** How a command ended, and what it printed. */
export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `command` from the repository root, with `env` on top of this process's, to its end. */
export function run(
  command: string,
  args: string[],
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', fail);
    child.once('close', (status) => done({ status, stdout, stderr }));
  });
}

/** The command line, from source (tsx as a loader, one process), as `claimtrail ARGS`. */
export const cliCommand = (args: string[]): [string, string[]] => [
  process.execPath,
  ['--import', 'tsx', MAIN, ...args],
];

/** Runs the command line with `args` to its end. */
export const claimtrail = (args: string[], env: Record<string, string>, timeoutMs?: number) =>
  run(...cliCommand(args), env, timeoutMs);
