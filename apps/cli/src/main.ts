import { runCli } from './cli';

void runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  ...(process.stderr.isTTY ? { tty: process.stderr } : {}),
}).then((status) => {
  process.exitCode = status;
});
