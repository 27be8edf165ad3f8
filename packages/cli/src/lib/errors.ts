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
  /** Stopped by Ctrl-C (SIGINT); the output folder was left as it was. */
  interrupted: 130,
} as const;
