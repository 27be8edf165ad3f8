import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Article } from './article.js';
import { fileExtension } from './choose-ingester.js';
import type { EncodingDeclaration } from './decode.js';
import type { Limits } from './limits.js';

/**
 * The metadata an ingester extracted, before the pipeline gives the article
 * its final slug and id: the article's fields without the body, all
 * optional except the lists. Editor's notes are not among them: an
 * ingester gives them apart, as `IngestResult.editorNotes`, so that no
 * field table meant for published fields (a front matter) carries them by accident.
 */
export type ArticleFields = Omit<Partial<Article>, 'body' | 'authors' | 'tags' | 'images' | 'editorNotes'> &
  Pick<Article, 'authors' | 'tags' | 'images'>;

/**
 * What an ingester gets: the decoded text and where it came from.
 */
export interface IngestContext {
  /** The input, for reporting messages with `report(file, …)`. */
  file: VFile;
  /**
   * The input as text, without a byte order mark: decoded strictly from
   * UTF-8, or from the encoding the ingester's `sniffEncoding` found declared.
   */
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

/** A position in an input, 1-based. */
export interface IngestPlace {
  line: number;
  column: number;
}

/**
 * What an ingester returns for one article: metadata and a body. The
 * pipeline then gives the article a safe unique slug (from `fields.slug`,
 * else `slugHint`), a stable id, and a canonical URL.
 */
export interface IngestResult {
  fields: ArticleFields;
  body: Root;
  /** Text to derive a slug from when `fields.slug` is absent (a file name or the headline). */
  slugHint: string;
  /**
   * The article's path for a permalink's `{path}`: POSIX, without
   * extension, relative to the folder its site serves content from
   * (`posts/first` for `content/posts/first.md`). Default: the input's path
   * relative to the content root, made by core's `contentPath`. Optional.
   */
  path?: string;
  /**
   * Notes to editors (ninjs `ednote`, NewsML-G2 `edNote`, NITF `ed-msg`,
   * dpa's notepad, usage terms): they become the article's `editorNotes`,
   * kept in the model and never published. Optional.
   */
  editorNotes?: readonly string[];
  /**
   * Where this article starts in its input, for an input that carries
   * several (the items of a NewsML-G2 `newsMessage`): messages the pipeline
   * reports about this article without a place of their own (a duplicate
   * slug, an adapter's warning) are given it. Optional.
   */
  place?: IngestPlace;
}

/**
 * Reads one kind of input into articles. Ingesters are chosen by file
 * extension, then by content (`recognize`); see `chooseIngester`.
 *
 * `ingest` returns one result, or an array for an input that carries
 * several articles (a news message): each becomes an article of its own,
 * with its own slug and outputs, in the order given; give each its `place`.
 * Report content problems on `context.file`: an error fails the whole input
 * (every article of it), so report a problem with one item of several as a
 * warning and leave that item out. Return `undefined` (or `[]`) when no
 * article can be made.
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
  /**
   * The largest input this ingester reads, in bytes, where it differs from
   * `limits.maxBytes` (which bounds what the Markdown parser can be made to
   * do): a saved web page carries scripts, styles and menus around a small
   * article, and its parser is linear. Files are read up to the largest
   * limit of any ingester, then held to their own ingester's. Optional.
   */
  maxBytes?: number;
  /**
   * The encoding an input's bytes declare, for a format that declares its
   * encoding in the file (HTML's `<meta charset>`, a byte order mark):
   * `undefined` when they declare none. The pipeline calls it for an input
   * of one of `extensions` (the first ingester of the extension that has
   * one), after the size check and before decoding, then decodes the bytes
   * in that encoding (core's `decodeInput`: UTF-8 as strictly as ever,
   * another encoding of the WHATWG Encoding Standard strictly too, an
   * unknown label reported). Without it, and for inputs chosen by content,
   * bytes are read strictly as UTF-8. Optional.
   */
  sniffEncoding?(bytes: Uint8Array): EncodingDeclaration | undefined | Promise<EncodingDeclaration | undefined>;
  ingest(context: IngestContext): IngestOutcome | Promise<IngestOutcome>;
}

/** What `Ingester.ingest` gives: one article, several (in input order), or none. */
export type IngestOutcome = IngestResult | readonly IngestResult[] | undefined;

/** The results of an ingest as a list: `[]` for none, `[result]` for one. */
export function ingestResults(outcome: IngestOutcome): readonly IngestResult[] {
  if (outcome === undefined || outcome === null) return [];
  return Array.isArray(outcome) ? outcome : [outcome as IngestResult];
}

/**
 * The ingester that says how an input of this name declares its encoding:
 * the first of those of its extension with a `sniffEncoding`, or `undefined`
 * (the input is then read strictly as UTF-8).
 */
export function encodingSnifferFor(ingesters: readonly Ingester[], fileName: string): Ingester | undefined {
  const extension = fileExtension(fileName);
  if (!extension) return undefined;
  return ingesters.find((ingester) => ingester.sniffEncoding && ingester.extensions.includes(extension));
}

/**
 * The size up to which an input is read at all: the largest of
 * `limits.maxBytes` and the own `maxBytes` of the ingesters that could read
 * a file of that name (those of its extension; without one, those that
 * `recognize` content), or of every ingester when no name is given. The
 * chosen ingester's own limit is checked once it is known.
 */
export function inputByteLimit(
  pipeline: { readonly ingesters: readonly Ingester[]; readonly limits: Readonly<Limits> },
  fileName?: string,
): number {
  let candidates = pipeline.ingesters;
  if (fileName !== undefined) {
    const extension = fileExtension(fileName);
    const byExtension = extension ? candidates.filter((ingester) => ingester.extensions.includes(extension)) : [];
    candidates = byExtension.length > 0 ? byExtension : candidates.filter((ingester) => ingester.recognize);
  }
  return Math.max(pipeline.limits.maxBytes, ...candidates.map((ingester) => ingester.maxBytes ?? 0));
}
