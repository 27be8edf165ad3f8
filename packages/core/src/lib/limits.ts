/**
 * Limits that protect the parsers from hostile input. Real articles are far
 * inside every one of them.
 */
export interface Limits {
  /** Largest input file, in bytes. Default `10_000_000`. */
  maxBytes: number;
  /**
   * Deepest nesting allowed: blockquote markers on one line, list indentation
   * (in steps of two columns), and depth of the parsed tree.
   * Default `64`.
   */
  maxDepth: number;
  /**
   * Most emphasis and link delimiters (`*`, `_`, `~`, `[`, `]`) in one block.
   * micromark resolves these in time quadratic in their number. Default `2000`.
   */
  maxDelimiters: number;
}

/** Default {@link Limits}. */
export const defaultLimits: Readonly<Limits> = Object.freeze({
  maxBytes: 10_000_000,
  maxDepth: 64,
  maxDelimiters: 2000,
});
