import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Article } from './article.js';
import type { Limits } from './limits.js';

/**
 * The metadata an ingester extracted, before the pipeline gives the article
 * its final slug and id: the article's fields without the body, all
 * optional except the lists.
 */
export type ArticleFields = Omit<Partial<Article>, 'body' | 'authors' | 'tags' | 'images'> & Pick<Article, 'authors' | 'tags' | 'images'>;

/**
 * What an ingester gets: the decoded text and where it came from.
 */
export interface IngestContext {
  /** The input, for reporting messages with `report(file, …)`. */
  file: VFile;
  /** The input as text, decoded strictly from UTF-8, without a byte order mark. */
  text: string;
  /** The input's path relative to the content root, POSIX (`news/story.md`). */
  articlePath: string;
  /** Time zone for dates written without an offset (IANA name, `UTC` or `±HH:MM`). */
  timeZone: string;
  limits: Readonly<Limits>;
  /**
   * The site URL (absolute http(s), no trailing slash), for resolving
   * relative URLs with `checkUrl(value, { base: siteUrl })`; absent when the
   * build has none.
   */
  siteUrl?: string;
}

/**
 * What an ingester returns: metadata and a body. The pipeline then gives the
 * article a safe unique slug (from `fields.slug`, else `slugHint`), a stable
 * id, and a canonical URL.
 */
export interface IngestResult {
  fields: ArticleFields;
  body: Root;
  /** Text to derive a slug from when `fields.slug` is absent (a file name or the headline). */
  slugHint: string;
}

/**
 * Reads one kind of input into an article. Ingesters are chosen by file
 * extension, then by content (`recognize`); see `chooseIngester`.
 *
 * Report content problems on `context.file` (errors make the article fail)
 * and return `undefined` when no article can be made.
 */
export interface Ingester {
  /** Name used in messages, e.g. `markdown`. */
  name: string;
  /** Lowercase extensions with the dot, e.g. `['.md', '.markdown']`. */
  extensions: readonly string[];
  /**
   * Changes whenever this ingester could read the same input differently:
   * its version and options. `@syndikit/build` keys its cache by it; an
   * ingester without one is keyed by its name and the source text of `ingest`. Optional.
   */
  cacheKey?: string;
  /**
   * Whether this ingester reads `text`, judged by its content (a root
   * element and namespace, a JSON shape). Used to choose among several
   * ingesters of one extension (`.xml`: NewsML-G2, NITF, …) and for files
   * without one; an ingester without it reads every file of its extensions.
   * Keep it cheap: look at the start of the text. Optional.
   */
  recognize?(text: string): boolean;
  ingest(context: IngestContext): IngestResult | undefined | Promise<IngestResult | undefined>;
}
