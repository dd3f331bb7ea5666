/** Where a command writes; the process's streams in main.ts, buffers in tests. */
export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}
