/**
 * A mistake in how the command was called (a bad flag, a missing input, an
 * invalid config file). Printed without a stack trace; exit code 2.
 */
export class UsageError extends Error {
  override name = 'UsageError';
  /** Each problem on its own line, e.g. `syndikit.config.yaml: site.url: Invalid URL`. */
  readonly problems: readonly string[];

  constructor(message: string, problems: readonly string[] = []) {
    super(message);
    this.problems = problems;
  }
}

/** Exit codes of the `syndikit` command. */
export const exitCodes = {
  /** Everything converted. */
  ok: 0,
  /** At least one article had a content error. */
  contentErrors: 1,
  /** The command was called wrongly. */
  usage: 2,
  /**
   * The machine stopped the command, not the content nor the call: a full disk (ENOSPC), a read-only
   * (EROFS) or unwritable (EACCES) output folder, an unreadable input folder, a symbolic link inside the
   * output folder (the command refuses `--out` a file or `/` itself, as a usage error). The message names
   * the path and what to do; the output folder was left as it was.
   */
  environment: 3,
  /** A bug in syndikit: the message asks for a report, with the stack (EX_SOFTWARE of sysexits). */
  internal: 70,
  /** Stopped by Ctrl-C (SIGINT); the output folder was left as it was. */
  interrupted: 130,
} as const;
