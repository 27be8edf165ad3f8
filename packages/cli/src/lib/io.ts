/** Where the CLI reads and writes; the real process in `bin`, buffers in tests. */
export interface CliIo {
  /** Working directory that relative paths are resolved against. */
  cwd: string;
  stdout: { write(chunk: string | Uint8Array): unknown };
  stderr: { write(chunk: string): unknown };
  /** Environment, for `NO_COLOR` and `CI`. */
  env: Readonly<Record<string, string | undefined>>;
}
