/**
 * Limits that protect the parsers and renderers from hostile input. Real
 * articles are far inside every one of them; each default was chosen by
 * measurement so that the worst input within all of them converts in
 * under ~10 s and ~512 MB on a 2-core machine (`npm run bench:large`;
 * figures in docs/performance.md).
 */
export interface Limits {
  /**
   * Largest input file, in bytes, checked before the file is read.
   * Default `500_000` (a 10,000-word article is about 60 kB; a ninjs item
   * of 1 MB of dense HTML took 14 s and 520 MB).
   */
  maxBytes: number;
  /**
   * Deepest nesting allowed: blockquote markers on one line, list indentation
   * (in steps of two columns), and depth of the parsed tree.
   * Default `64`.
   */
  maxDepth: number;
  /**
   * Most emphasis and link delimiters (`*`, `_`, `~`, `[`, `]`) in one block
   * (a paragraph, or one item of a list). micromark resolves these in time
   * quadratic in their number per inline run. Default `1000`.
   */
  maxDelimiters: number;
  /**
   * Most Markdown markup characters in one document (outside front matter):
   * `*` `_` `~` `[` `]` `|` `>` `<` and backticks, list markers, and the
   * starts of bare URLs and e-mail addresses (`http://`, `https://`, `www.`,
   * `@`), which GFM turns into links. Each can open a node, and every node costs memory in
   * each output's tree, so this bounds the size of the trees: a 250 kB
   * table of 45,000 cells took 630 MB. Default `15_000` (a long article
   * with 200 links and a 50-row table has about 2,000).
   */
  maxMarkup: number;
  /**
   * Most blockquote markers and list items in one document (outside front
   * matter). Each container that closes makes micromark copy the
   * document's list of events, so the time grows with their number times
   * the document's length: 20,000 nested list items after 1 MB of prose
   * took 50 s. Default `2_000` (a long explainer has a few hundred).
   */
  maxContainers: number;
}

/** Default {@link Limits}. */
export const defaultLimits: Readonly<Limits> = Object.freeze({
  maxBytes: 500_000,
  maxDepth: 64,
  maxDelimiters: 1000,
  maxMarkup: 15_000,
  maxContainers: 2_000,
});
