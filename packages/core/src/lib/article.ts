import type { Data, Root } from 'mdast';
import type { Node } from 'unist';

/**
 * A person credited on an article.
 */
export interface Author {
  /** Display name, e.g. `Colleen Long`. */
  name: string;
  /** Profile page; an absolute URL. */
  url?: string;
  /** Contact address. RSS `<author>` is only written when this is present. */
  email?: string;
}

/**
 * Someone who worked on an article without being its author: an editor, a
 * reporter who added reporting (`Additional reporting by …`). Editors are
 * not authors; feeds and pages that print a byline print only authors.
 */
export interface Contributor {
  /** Display name, e.g. `Claire Hoffmann`. */
  name: string;
  /** What they did, in kebab-case: `editor`, `additional-reporting`, `photographer`, … */
  role: string;
}

/**
 * Where and by whom a story was filed: `WASHINGTON (AP) —` is
 * `{ place: 'WASHINGTON', agency: 'AP' }`.
 */
export interface Dateline {
  place?: string;
  agency?: string;
}

/**
 * One rendition of an image, as produced by an image adapter.
 */
export interface ImageRendition {
  /** Output path or URL of the rendition. */
  src: string;
  width: number;
  height: number;
  /** MIME type, e.g. `image/webp`. */
  mediaType: string;
  /** Size in bytes. */
  bytes?: number;
}

/**
 * A crop of the lead photo to a fixed aspect ratio, as an image adapter
 * makes them for search and social previews (Google's NewsArticle guidance
 * asks for 16:9, 4:3 and 1:1 images at least 1,200 px wide).
 */
export interface ImageCrop extends ImageRendition {
  /** Width to height, e.g. `16:9`, `4:3`, `1:1`. */
  aspectRatio: string;
}

/**
 * A concept behind the article's section or one of its tags, with the
 * identifier its vocabulary gives it (IPTC Media Topics, an agency's own
 * codes), as ninjs `subjects` and NewsML-G2 `subject` carry them.
 */
export interface Subject {
  /** The section or tag it identifies, exactly as in {@link Article.section} or {@link Article.tags}. */
  name: string;
  /** The concept as a URI, e.g. `http://cv.iptc.org/newscodes/mediatopic/20000209`. */
  uri?: string;
  /** The concept as a code or free-text identifier, e.g. `medtop:20000209`. */
  literal?: string;
}

/**
 * A photo or graphic that belongs to an article. The lead image comes first
 * in `Article.images`. Every one has a file (`src`): a photo known only by its
 * caption and credit (scraped copy never carries the file) is not an
 * `ArticleImage` but a {@link Figure} without `url` in the body, so no format
 * that reads `images` (feeds, renditions, associations, `og:image`) can write
 * an image without a file.
 */
export interface ArticleImage {
  /**
   * Where the image is. Either an absolute `http(s)` URL, or a path relative
   * to the content root, in POSIX form, starting with `/`
   * (`/images/kharkiv.jpg`). Relative references in the input are resolved
   * against the article and confined to the content root.
   */
  src: string;
  alt?: string;
  caption?: string;
  /** The credit line printed with the photo, e.g. `AP Photo/Maria Okafor`. */
  credit?: string;
  /**
   * Who made the photo (photographer, artist), when the input or the photo's
   * own metadata names them (IPTC/XMP creator, EXIF Artist, ninjs `by`).
   */
  creator?: string;
  width?: number;
  height?: number;
  /** MIME type of the source, when known. */
  mediaType?: string;
  /** Byte length of the source, when known. */
  bytes?: number;
  /** Renditions, when an image adapter has produced them. */
  renditions?: ImageRendition[];
  /** `srcset` strings by MIME type, when an image adapter has produced renditions. */
  srcset?: Record<string, string>;
  /** Dominant colour as `#rrggbb`, when an image adapter has read the image. */
  dominantColor?: string;
  /** A tiny blurred preview as a `data:image/webp;base64,…` URL, for placeholders. */
  placeholder?: string;
  /** Fixed-ratio crops of the lead photo, when an image adapter has made them. */
  crops?: ImageCrop[];
}

/**
 * Editorial status of an article, after IPTC `pubstatus`: `usable` articles
 * are published; `withheld` and `canceled` ones are not.
 */
export type PublicationStatus = 'usable' | 'withheld' | 'canceled';

/**
 * The one article model every ingest produces and every adapter reads.
 * It is plain data: `JSON.parse(JSON.stringify(article))` gives an equal
 * article.
 */
export interface Article {
  /** Stable identifier: from the input when it has one, else derived from the slug and date. */
  id: string;
  /** Safe, unique, NFC file-name part: no separators, dot segments, control or bidi characters. */
  slug: string;
  headline: string;
  subheadline?: string;
  /** Plain-text standfirst or description. */
  summary?: string;
  authors: Author[];
  /** People credited for other work on the story (editing, additional reporting); never authors. */
  contributors?: Contributor[];
  dateline?: Dateline;
  /** ISO 8601 date-time with an explicit offset, e.g. `2024-01-04T13:01:40-05:00`. */
  published?: string;
  /** ISO 8601 date-time with an explicit offset. */
  updated?: string;
  /** BCP 47 language tag, e.g. `en`, `de-CH`. */
  language?: string;
  /** Canonical URL of the article on the publisher's site. */
  url?: string;
  section?: string;
  tags: string[];
  /** Identifiers of the section and tags, where the input gives them (see {@link Subject}). */
  subjects?: Subject[];
  copyright?: string;
  /** Who supplied the story (an agency or desk), e.g. `The Associated Press`. */
  source?: string;
  /** Editorial status; absent means usable. */
  status?: PublicationStatus;
  /** ISO 8601 date-time before which the article must not be published. */
  embargoed?: string;
  /**
   * Editorial notes carried with the story but not part of it: contributor
   * lines ("… contributed to this report"), editing credits, corrections.
   */
  notes?: string[];
  /**
   * Notes to editors, for the desk only: ninjs `ednote`, NewsML-G2 `edNote`,
   * NITF `ed-msg`, dpa's notepad (which holds phone numbers), usage terms.
   * Kept in the model and shown by `syndikit inspect`; never published:
   * no page, feed or published format prints them (unlike {@link notes}).
   */
  editorNotes?: string[];
  images: ArticleImage[];
  /** The body as an mdast tree. Figures are `figure` nodes (see {@link Figure}). */
  body: Root;
}

/**
 * Data on a {@link Figure} node.
 */
export interface FigureData extends Data {}

/**
 * A photo with its caption and credit, as a block in the body.
 * A node type of syndikit's own, declared on mdast by module augmentation.
 *
 * A figure without `url` is a photo whose caption and credit are known but
 * whose file is not (scraped text: the copy holds the caption, never the
 * image). It stands where the photo stood; formats keep its caption and
 * credit where they have a place for them (a `<figure>` with only a
 * `<figcaption>`, a caption line in Markdown) and write no image for it.
 * Such a figure has no entry in {@link Article.images}. Test with
 * {@link hasFile} before using `url`.
 */
export interface Figure extends Node {
  type: 'figure';
  /**
   * Same convention as {@link ArticleImage.src}; absent when the photo's
   * file is not known (see above).
   */
  url?: string;
  alt?: string;
  caption?: string;
  credit?: string;
  width?: number;
  height?: number;
  data?: FigureData;
}

declare module 'mdast' {
  interface RootContentMap {
    figure: Figure;
  }
  interface BlockContentMap {
    figure: Figure;
  }
}

/** Narrow a node to a {@link Figure}. */
export function isFigure(node: Node): node is Figure {
  return node.type === 'figure';
}

/** Narrow a {@link Figure} to one with a file: only such a figure may become an image. */
export function hasFile(figure: Readonly<Figure>): figure is Figure & { url: string } {
  return typeof figure.url === 'string' && figure.url !== '';
}

/**
 * Whether an article may be published at `now`: its status is usable (or
 * unset) and any embargo has passed. The pipeline hides articles that may
 * not from every adapter that does not opt in (`unpublished: 'include'`);
 * archive formats (Markdown, ninjs, NewsML-G2) opt in and keep them with
 * their status. {@link unpublishedReason} says why.
 */
export function publishable(article: Readonly<Pick<Article, 'status' | 'embargoed'>>, now: string): boolean {
  return unpublishedReason(article, now) === undefined;
}

/**
 * Why an article may not be published at `now` (withheld, canceled, or
 * under embargo), or `undefined` when it may: see {@link publishable}.
 */
export function unpublishedReason(article: Readonly<Pick<Article, 'status' | 'embargoed'>>, now: string): string | undefined {
  if (article.status === 'withheld') return 'its status is withheld';
  if (article.status === 'canceled') return 'its status is canceled';
  if (article.embargoed && Date.parse(article.embargoed) > Date.parse(now)) return `it is embargoed until ${article.embargoed}`;
  return undefined;
}

/**
 * The widest rendition of an image in one of `mediaTypes` (the formats every
 * reader of the output shows), or `undefined` when an image adapter made none.
 * Feeds, AMP pages and body HTML point at it instead of the unpublished source.
 */
export function largestRendition(
  image: Readonly<ArticleImage>,
  mediaTypes: readonly string[] = ['image/jpeg'],
): ImageRendition | undefined {
  let largest: ImageRendition | undefined;
  for (const rendition of image.renditions ?? []) {
    if (mediaTypes.includes(rendition.mediaType) && (!largest || rendition.width > largest.width)) largest = rendition;
  }
  return largest;
}
