/** Where a command writes; the process's streams in main.ts, buffers in tests. */
export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** The terminal standard error is, when it is one (progress bars are drawn there). */
  tty?: NodeJS.WriteStream;
}
