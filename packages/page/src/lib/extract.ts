/**
 * Find the story on a saved page. The steps, each a small function:
 *
 * 1. parse the page with linkedom (a DOM without scripts, layout or
 *    network; see the README for why linkedom);
 * 2. read the metadata ({@link readMetadata}) and every `<figure>`;
 * 3. let Mozilla's Readability find the article container;
 * 4. clean that container block by block ({@link defaultBlockRules}, link
 *    lists, headings without prose, the headline repeated, captions);
 * 5. when the page's JSON-LD carries `articleBody`, use it as a second
 *    opinion: blocks it does not contain are dropped, and when Readability
 *    found too little of it, its paragraphs are the body.
 *
 * Everything is pure: HTML in, a cleaned body and the decisions made out.
 */
import { Readability } from '@mozilla/readability';
import type { ArticleImage } from '@syndikit/core';
import { DOMParser } from 'linkedom';
import { markedAuthorTexts } from './author-marks.js';
import { type BlockRule, defaultBlockRules } from './blocks.js';
import { looksLikeCaption, splitCaption } from './credit.js';
import { type DateClue, dateClues, headerText } from './date-clues.js';
import { defaultMaxPageDepth } from './defaults.js';
import { chooseHeadline } from './headline.js';
import { clean, looseDateSources, type PageMetadata, readMetadata, type Sourced } from './metadata.js';
import { pageMarkupStart } from './recognize.js';
import { printedStandfirst } from './standfirst.js';

/** Options for {@link extractPage}. */
export interface ExtractOptions {
  /** Block rules of your own, tried before the defaults. Default `[]`. */
  rules?: readonly BlockRule[] | null;
  /** Use {@link defaultBlockRules}. Default `true`. */
  defaultRules?: boolean | null;
  /** Use JSON-LD `articleBody` as a second opinion on the body. Default `true`. */
  useArticleBody?: boolean | null;
  /**
   * Deepest element nesting of the whole page that is read. Real pages nest
   * a few dozen levels; Readability recurses per level and overflows the
   * stack near ten thousand. A deeper page gives no story and `tooDeep`.
   * Default `400`.
   */
  maxPageDepth?: number | null;
}

/** A figure on the page, with its caption and credit split: the fields an article image has that a page shows. */
export type PageFigure = Pick<ArticleImage, 'src' | 'alt' | 'caption' | 'credit' | 'width' | 'height'>;

/** One decision made while extracting, for diagnostics. */
export interface Decision {
  kind: 'story' | 'dropped' | 'article-body';
  /** A block rule id, or a built-in reason (`link-list`, `headline-repeat`, `caption`, `caption-marked`, `heading-alone`, `not-in-article-body`). */
  rule: string;
  text: string;
}

/** What {@link extractPage} returns. */
export interface PageExtraction {
  metadata: PageMetadata;
  /** The Readability title, when metadata had none better. */
  readabilityTitle?: string;
  /** The headline as the page prints it (`headline.ts`), with where it came from. */
  headline?: Sourced<string>;
  /**
   * Texts that may print the date, most telling first (`date-clues.ts`), read only when the metadata has no
   * publication date; date lines dropped from the story come first.
   */
  dateClues: DateClue[];
  /**
   * Texts that may print the byline, for a page whose metadata names no author: byline lines dropped from the
   * story, then the text under the headline.
   */
  bylineClues: string[];
  /** The Readability byline. */
  readabilityByline?: string;
  /**
   * The standfirst printed under the headline that the page's description repeats (`standfirst.ts`), when the body
   * lacks it: the article's subheadline.
   */
  standfirst?: string;
  /**
   * The text under the headline's `<h1>` (`date-clues.ts`), where a page prints its date: read when the metadata
   * lacks the date or the author, or gives an update besides the publication.
   */
  underHeadline?: string;
  /** The texts of the elements the markup marks as the author's (`author-marks.ts`), one list per byline, for a page whose metadata names no author. */
  markedAuthors: string[][];
  /** The cleaned body as HTML (not yet sanitised). Empty when no story was found. */
  html: string;
  /** The body as plain text, one block per paragraph (blank lines between). */
  text: string;
  /** Figures inside the story and the lead figure of the page, in page order, deduplicated. */
  figures: PageFigure[];
  /** The copyright line found at the story's end, if any. */
  copyright?: string;
  /** Set when the page nests deeper than `maxPageDepth`: how deep it was measured (up to the limit + 1). */
  tooDeep?: number;
  decisions: Decision[];
}

/** Leaf blocks of a body: the units the rules judge. */
const blockSelector = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, dt, dd, td, th, div, section, figcaption';
const leafMarker = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, dl, table, div, section, figure, ul, ol';

/** Extract the story, its figures and its metadata from the HTML of a saved page. */
export function extractPage(html: string, options?: Readonly<ExtractOptions> | null): PageExtraction {
  if (typeof html !== 'string') throw new TypeError(`Expected a string of HTML but received ${describe(html)}`);
  const rules = [...(options?.rules ?? []), ...(options?.defaultRules === false ? [] : defaultBlockRules)];
  const decisions: Decision[] = [];
  const maxPageDepth = options?.maxPageDepth ?? defaultMaxPageDepth;
  const document = parse(html.slice(pageMarkupStart(html)));
  const metadata = readMetadata(document);
  const depth = elementDepth(document.documentElement, maxPageDepth);
  if (depth > maxPageDepth)
    return { metadata, html: '', text: '', figures: [], decisions, dateClues: [], bylineClues: [], markedAuthors: [], tooDeep: depth };
  const pageFigures = readFigures(document);
  // What is printed beside the headline is read only when the metadata lacks the date or the author, or gives an
  // update besides the publication (a page may print the update as its date).
  // A metadata date that is no ISO 8601 date may still be a printed one the ingester reads; the page is read too.
  const dated = metadata.published !== undefined && !Number.isNaN(Date.parse(metadata.published.value));
  const revised = metadata.updated !== undefined && metadata.updated.value !== metadata.published?.value;
  const printed = headerText(document, chooseHeadline(metadata)?.value);
  const header = dated && metadata.authors && !revised ? undefined : printed;
  // A loose metadata date (`looseDateSources`) is checked against the printed one, so the page is read for it too.
  const loose = dated && looseDateSources.has(metadata.published?.from ?? '');
  const clues = !dated || loose ? dateClues(document, printed) : [];
  const markedAuthors = metadata.authors ? [] : markedAuthorTexts(document);
  const standfirst = printedStandfirst(printed.heading, metadata.summary?.value);

  // Readability changes the document it reads; metadata and figures were read first.
  const result = new Readability(document, { keepClasses: true, charThreshold: 300 }).parse();
  const extraction: PageExtraction = {
    metadata,
    html: '',
    text: '',
    figures: [],
    decisions,
    dateClues: clues,
    bylineClues: header && !metadata.authors ? [header.under] : [],
    markedAuthors,
  };
  if (header?.under) extraction.underHeadline = header.under;
  if (result?.title) extraction.readabilityTitle = result.title;
  if (result?.byline) extraction.readabilityByline = result.byline;
  const headline = chooseHeadline(metadata, result?.title ?? undefined);
  if (headline) extraction.headline = headline;
  if (!result?.content) return withArticleBody(extraction, options);

  const body = parse(`<!doctype html><html><body>${result.content}</body></html>`).body;
  decisions.push({ kind: 'story', rule: 'readability', text: `${wordCount(body.textContent ?? '')} words` });

  const inStory = takeFigures(body, pageFigures.bySrc);
  dropChrome(body, rules, metadata, extraction);
  const leaves = new Set(leafBlocks(body));
  dropLinkLists(body, decisions);
  // A label beside its list (`<section><span>Mehr zum Thema</span><ul>…</ul></section>`) is a block only once the list went.
  dropBaredLabels(
    leafBlocks(body).filter((block) => !leaves.has(block)),
    rules,
    decisions,
  );
  dropLoneHeadings(body, decisions);
  if (standfirst && !holds(body.textContent ?? '', standfirst)) {
    extraction.standfirst = standfirst;
    decisions.push({ kind: 'story', rule: 'standfirst', text: standfirst });
  }

  if (!metadata.authors) {
    const bylines = decisions.filter((decision) => decision.rule === 'byline-line').map((line) => line.text);
    extraction.bylineClues = [...bylines, ...extraction.bylineClues];
  }
  if (!dated || loose) {
    const dateLines = decisions.filter((decision) => decision.rule === 'date-line');
    extraction.dateClues = [...dateLines.map((line) => ({ text: line.text, from: 'a date line of the story' })), ...clues];
  }
  extraction.figures = leadFirst(metadata, pageFigures, inStory);
  extraction.html = body.innerHTML;
  extraction.text = blockTexts(body).join('\n\n');
  return withArticleBody(extraction, options);
}

/** How deeply elements nest under `root`, counted without recursion and stopping once past `limit`. */
function elementDepth(root: Element | null, limit: number): number {
  if (!root) return 0;
  let deepest = 0;
  const stack: Array<[Element, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop() as [Element, number];
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    for (const child of element.children) stack.push([child, depth + 1]);
  }
  return deepest;
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** Every `<figure>` with an image on the page, by image URL; `lead` is the page's lead figure, if any. */
function readFigures(document: Document): { bySrc: Map<string, PageFigure>; lead?: PageFigure } {
  const bySrc = new Map<string, PageFigure>();
  const heading = document.querySelector('h1');
  // The lead photo sits just below the headline, often outside the container Readability keeps:
  // the first captioned figure after the `<h1>`, within the headline's parent or grandparent.
  const near = heading?.parentElement?.parentElement ?? heading?.parentElement ?? undefined;
  let lead: PageFigure | undefined;
  for (const figure of document.querySelectorAll('figure')) {
    const image = figure.querySelector('img');
    const src = image ? imageSource(image) : undefined;
    if (!src || bySrc.has(src)) continue;
    const described = describeFigure(figure, image as Element, src);
    bySrc.set(src, described);
    if (!lead && heading && near?.contains(figure) && heading.compareDocumentPosition(figure) & 4 && figure.querySelector('figcaption')) {
      lead = described;
    }
  }
  return lead ? { bySrc, lead } : { bySrc };
}

function describeFigure(figure: Element, image: Element, src: string): PageFigure {
  const result: PageFigure = { src };
  const alt = clean(image.getAttribute('alt'));
  if (alt) result.alt = alt;
  const width = Number(image.getAttribute('width'));
  const height = Number(image.getAttribute('height'));
  if (Number.isInteger(width) && width > 0) result.width = width;
  if (Number.isInteger(height) && height > 0) result.height = height;
  return Object.assign(result, captionOf(figure));
}

/** A figure's `<figcaption>` as caption and credit (a credit in its own element first, else by its pattern). */
function captionOf(figure: Element): Pick<PageFigure, 'caption' | 'credit'> {
  const result: Pick<PageFigure, 'caption' | 'credit'> = {};
  const caption = figure.querySelector('figcaption');
  if (!caption) return result;
  // A credit in its own element (`<cite>`, `.credit`, `.copyright`) is the credit as the page marks it.
  const creditElement = caption.querySelector('cite, [class*="credit" i], [class*="copyright" i], [class*="byline" i], small');
  const creditText = clean(creditElement?.textContent);
  const whole = clean(caption.textContent) ?? '';
  if (creditElement && creditText) {
    const rest = clean(whole.replace(creditElement.textContent ?? '', ' '));
    if (rest) result.caption = rest;
    result.credit = creditText.replace(/^(?:photo|credit|foto|bild|image)s?\s*:\s*/iu, '').replace(/^\((.*)\)$/u, '$1');
    return result;
  }
  const split = splitCaption(whole);
  if (split.caption) result.caption = split.caption;
  if (split.credit) result.credit = split.credit;
  return result;
}

/** The URL an `<img>` shows: `src`, else a lazy-loading attribute, else the first `srcset` candidate. */
function imageSource(image: Element): string | undefined {
  const candidates = [
    image.getAttribute('src'),
    image.getAttribute('data-src'),
    image.getAttribute('data-original'),
    image.getAttribute('data-lazy-src'),
    image.getAttribute('srcset')?.split(',')[0]?.trim().split(/\s+/)[0],
  ];
  return candidates
    .find((value): value is string => typeof value === 'string' && value.trim() !== '' && !/^data:/i.test(value.trim()))
    ?.trim();
}

/**
 * The class of a figure left in the story with only its caption and credit (see {@link takeFigures}); the
 * page ingester reads it as a figure without a file, and the story's text blocks leave it out.
 */
export const captionOnlyClass = 'syndikit-caption-only';

/**
 * Remove figures from the story (they become images) and return those that had an image. A figure whose
 * image has no usable source (no `src`, a `data:` placeholder: a lazy loader's, with scripts off) but which
 * has a caption stays where it stood as `<figure><figcaption>caption <small class="credit">credit</small>`,
 * the caption and credit an editor reads there, since an article image needs a file.
 */
function takeFigures(body: HTMLElement, pageFigures: Map<string, PageFigure>): PageFigure[] {
  const found: PageFigure[] = [];
  for (const figure of [...body.querySelectorAll('figure')]) {
    const image = figure.querySelector('img');
    const src = image ? imageSource(image) : undefined;
    if (src && image) found.push(pageFigures.get(src) ?? describeFigure(figure, image, src));
    const caption = src ? {} : captionOf(figure);
    if (caption.caption || caption.credit) figure.replaceWith(captionOnlyFigure(figure.ownerDocument, caption));
    else figure.remove();
  }
  // Images outside figures stay images of the article; a caption is the block right after the image's
  // own block when it ends with a credit (`… (Image: GETTY)`), as many sites print it.
  for (const image of [...body.querySelectorAll('img')]) {
    const src = imageSource(image);
    if (src) found.push(pageFigures.get(src) ?? looseImage(image, src));
    image.remove();
  }
  return found;
}

/** `<figure class="syndikit-caption-only"><figcaption>caption <small class="credit">credit</small></figcaption></figure>`. */
function captionOnlyFigure(document: Document, caption: Pick<PageFigure, 'caption' | 'credit'>): Element {
  const figure = document.createElement('figure');
  figure.setAttribute('class', captionOnlyClass);
  const figcaption = document.createElement('figcaption');
  if (caption.caption) figcaption.append(caption.caption);
  if (caption.credit) {
    const small = document.createElement('small');
    small.setAttribute('class', 'credit');
    small.append(caption.credit);
    figcaption.append(caption.caption ? ' ' : '', small);
  }
  figure.append(figcaption);
  return figure;
}

function looseImage(image: Element, src: string): PageFigure {
  const result: PageFigure = { src };
  const alt = clean(image.getAttribute('alt'));
  if (alt) result.alt = alt;
  let holder: Element = image;
  while (holder.parentElement && holder.parentElement.tagName !== 'BODY' && !holder.nextElementSibling) holder = holder.parentElement;
  const next = clean(holder.nextElementSibling?.textContent);
  if (next && looksLikeCaption(next)) {
    const split = splitCaption(next);
    if (split.caption) result.caption = split.caption;
    if (split.credit) result.credit = split.credit;
  }
  return result;
}

/** The lead image first (the metadata's, with the caption of its figure; else the figure under the headline), then the story's figures, each once. */
function leadFirst(
  metadata: PageMetadata,
  pageFigures: { bySrc: Map<string, PageFigure>; lead?: PageFigure },
  inStory: PageFigure[],
): PageFigure[] {
  const result: PageFigure[] = [];
  const seen = new Set<string>();
  const add = (figure: PageFigure) => {
    const key = imageKey(figure.src);
    if (seen.has(key)) return;
    seen.add(key);
    result.push(figure);
  };
  const lead = metadata.images[0];
  if (lead) {
    const key = imageKey(lead.src);
    const match = [...pageFigures.bySrc.values(), ...inStory].find((figure) => imageKey(figure.src) === key);
    add({ ...lead, ...(match ?? {}), src: lead.src });
  } else if (pageFigures.lead) add(pageFigures.lead);
  for (const figure of inStory) add(figure);
  return result;
}

/** Image URLs compared by file name without size suffixes, so a thumbnail and its original match. */
function imageKey(src: string): string {
  const path = src.split(/[?#]/)[0] ?? src;
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  return name.replace(/[-_]\d{2,4}x\d{2,4}(?=\.\w+$)/u, '');
}

/** Apply the block rules, drop stray captions, the repeated headline and byline. */
function dropChrome(body: HTMLElement, rules: readonly BlockRule[], metadata: PageMetadata, extraction: PageExtraction): void {
  const headlines = new Set(
    [extraction.headline?.value, metadata.headline?.value, extraction.readabilityTitle, metadata.firstHeading].flatMap((text) =>
      text ? [normalise(text)] : [],
    ),
  );
  const blocks = leafBlocks(body);
  let restFrom = -1;
  blocks.forEach((block, index) => {
    if (restFrom >= 0) return;
    const text = clean(block.textContent) ?? '';
    if (!text) return;
    if (/^H[1-6]$/.test(block.tagName) && headlines.has(normalise(text))) {
      drop(block, 'headline-repeat', text, extraction.decisions);
      return;
    }
    if (block.tagName === 'FIGCAPTION' || looksLikeCaption(text)) {
      drop(block, 'caption', text, extraction.decisions);
      return;
    }
    for (const rule of rules) {
      if (!rule.pattern.test(text)) continue;
      if (rule.action === 'drop-rest' && index === 0) continue;
      if (rule.action === 'drop-rest') {
        restFrom = index;
        if (rule.id === 'site-copyright' && /©|copyright/iu.test(text)) extraction.copyright = text;
        extraction.decisions.push({ kind: 'dropped', rule: rule.id, text: `${text} (and ${blocks.length - index - 1} blocks after it)` });
      } else drop(block, rule.id, text, extraction.decisions);
      return;
    }
    // After the rules, so a footer whose copyright sits in a marked element still ends the story (`site-copyright`).
    if (markedCaption(block, text)) drop(block, 'caption-marked', text, extraction.decisions);
  });
  if (restFrom >= 0) for (const block of blocks.slice(restFrom)) block.remove();
}

/** A class token naming a photo credit, as CMSs mark it (`copyright`, `credit`, `photo-credit`, `bildnachweis`). */
const creditClass = /(?:^|[\s_-])(?:copyright|credits?|bildnachweis|bildquelle|fotonachweis)(?:$|[\s_-])/iu;
/** A class token naming a caption (`caption`, `image-caption`, `bildunterschrift`). */
const captionClass = /(?:^|[\s_-])(?:caption|bildunterschrift|legende?)(?:$|[\s_-])/iu;

/**
 * A caption outside `<figcaption>` that the page marks by the classes inside the block: a short credit element
 * (`<span class="copyright">Name</span>` first or last, whatever its wording), or most of the block's text in
 * caption elements. Short blocks only: a story paragraph is not a caption for holding such an element.
 */
function markedCaption(block: Element, text: string): boolean {
  if (text.length > 400) return false;
  let captioned = 0;
  for (const element of block.querySelectorAll('[class]')) {
    const classes = element.getAttribute('class') ?? '';
    const inner = clean(element.textContent) ?? '';
    if (creditClass.test(classes) && inner.length > 0 && inner.length <= 120) return true;
    if (captionClass.test(classes) && !insideCaption(element, block)) captioned += inner.length;
  }
  return captioned >= text.length * 0.8;
}

/** Whether an element lies in a caption element of `block` (its text is counted once, with the outer one). */
function insideCaption(element: Element, block: Element): boolean {
  for (let parent = element.parentElement; parent && parent !== block; parent = parent.parentElement)
    if (captionClass.test(parent.getAttribute('class') ?? '')) return true;
  return false;
}

/** Short blocks that are mostly link text: related-story lists and tag clouds. */
function dropLinkLists(body: HTMLElement, decisions: Decision[]): void {
  for (const block of leafBlocks(body)) {
    if (!block.isConnected) continue;
    const text = clean(block.textContent) ?? '';
    const words = wordCount(text);
    if (words === 0 || words > 30) continue;
    // A block inside a link (`<a href><p>roofline headline</p></a>`, a teaser of another page) is link text whole.
    const inLink = body.contains(block.parentElement?.closest('a') ?? null);
    const links = [...block.querySelectorAll('a')];
    const linked = inLink ? text.length : links.reduce((sum, link) => sum + (clean(link.textContent)?.length ?? 0), 0);
    // A sentence of the story with a link in it (`… die Frage: <a>Was sagt X dazu?</a>`): one link, text around it.
    const unlinked = wordCount(links.reduce((rest, link) => rest.replace(clean(link.textContent) ?? '', ' '), text));
    const sentence = !inLink && links.length === 1 && unlinked >= 4 && words >= 8 && /[.!?…:]["“”»’]?$/u.test(text);
    if (linked / text.length >= 0.6 && !sentence) drop(block, 'link-list', text, decisions);
  }
}

/**
 * The `drop` rules again, on blocks that became blocks when a link list inside them went: what is left is the
 * list's label. A `drop-rest` rule drops the label alone here: the story goes on after a box of links.
 */
function dropBaredLabels(blocks: readonly Element[], rules: readonly BlockRule[], decisions: Decision[]): void {
  for (const block of blocks) {
    const text = clean(block.textContent) ?? '';
    const rule = text ? rules.find((candidate) => candidate.pattern.test(text)) : undefined;
    if (rule) drop(block, rule.id, text, decisions);
  }
}

/** A heading with no prose after it before the next heading or the end was the label of something removed. */
function dropLoneHeadings(body: HTMLElement, decisions: Decision[]): void {
  const blocks = leafBlocks(body).filter((block) => block.isConnected && (clean(block.textContent) ?? '') !== '');
  blocks.forEach((block, index) => {
    // Long headings are subheadings of a list article whose items were links; short ones label a removed box.
    if (!/^H[1-6]$/.test(block.tagName) || wordCount(block.textContent ?? '') > 6) return;
    const next = blocks[index + 1];
    if (!next || /^H[1-6]$/.test(next.tagName)) drop(block, 'heading-alone', clean(block.textContent) ?? '', decisions);
  });
}

function drop(block: Element, rule: string, text: string, decisions: Decision[]): void {
  decisions.push({ kind: 'dropped', rule, text });
  let target: Element = block;
  // An emptied list or wrapper goes too, so no empty bullet is left.
  while (
    target.parentElement &&
    target.parentElement.tagName !== 'BODY' &&
    (clean(target.parentElement.textContent) ?? '') === (clean(target.textContent) ?? '')
  ) {
    target = target.parentElement;
  }
  target.remove();
}

/** Whether a body's text holds a part: half of the part's 4-word shingles or more. */
function holds(text: string, part: string): boolean {
  const own = shingles(part);
  const found = shingles(text);
  return [...own].filter((shingle) => found.has(shingle)).length * 2 >= own.size;
}

/** Blocks that hold text directly: elements of {@link blockSelector} without a block inside. */
/** The story's leaf blocks; a caption-only figure is no text block (not chrome to drop, not story text). */
function leafBlocks(root: HTMLElement): Element[] {
  return [...root.querySelectorAll(blockSelector)].filter(
    (element) => !element.querySelector(leafMarker) && !element.closest(`figure.${captionOnlyClass}`),
  );
}

function blockTexts(root: HTMLElement): string[] {
  return leafBlocks(root).flatMap((block) => {
    const text = clean(block.textContent);
    return text ? [text] : [];
  });
}

/**
 * JSON-LD `articleBody` as a second opinion. It is plain text written by the
 * CMS, so it has no chrome, but it may be cut short ("…") or be a teaser.
 * - Readability's body covers little of it: the extractor picked the wrong
 *   container; the body is `articleBody`'s paragraphs.
 * - Otherwise, blocks that share nothing with it are dropped.
 */
function withArticleBody(extraction: PageExtraction, options?: Readonly<ExtractOptions> | null): PageExtraction {
  const articleBody = extraction.metadata.articleBody;
  if (options?.useArticleBody === false || !articleBody) return extraction;
  const reference = shingles(articleBody);
  const tokens = tokenize(articleBody).length;
  if (tokens < 80 || /(\.\.\.|…)$/u.test(articleBody)) return extraction;
  const found = shingles(extraction.text);
  const covered = [...reference].filter((shingle) => found.has(shingle)).length / Math.max(1, reference.size);
  if (covered < 0.5) {
    const paragraphs = articleBody
      .split(/\n\s*\n|\n/)
      .map((part) => part.trim())
      .filter(Boolean);
    extraction.decisions.push({
      kind: 'article-body',
      rule: 'article-body-instead',
      text: `Readability found ${Math.round(covered * 100)}% of JSON-LD articleBody; its ${paragraphs.length} paragraphs are the body`,
    });
    extraction.html = paragraphs.map((part) => `<p>${escapeHtml(part)}</p>`).join('');
    extraction.text = paragraphs.join('\n\n');
    if (extraction.standfirst && holds(extraction.text, extraction.standfirst)) delete extraction.standfirst;
    return extraction;
  }
  // A teaser or a body cut short (some CMSs cut it at a length, without "…") cannot judge the blocks it lacks.
  if (reference.size < 0.7 * found.size) return extraction;
  const body = parse(`<!doctype html><html><body>${extraction.html}</body></html>`).body;
  const flat = normalise(articleBody);
  let dropped = 0;
  for (const block of leafBlocks(body)) {
    const text = clean(block.textContent) ?? '';
    const own = shingles(text);
    if (own.size === 0) continue;
    // Blocks under four words have no shingle of their own: look for their words in order instead.
    const shared =
      tokenize(text).length < 4
        ? flat.includes(normalise(text))
          ? 1
          : 0
        : [...own].filter((shingle) => reference.has(shingle)).length / own.size;
    if (shared === 0) {
      drop(block, 'not-in-article-body', text, extraction.decisions);
      dropped++;
    }
  }
  if (dropped > 0) {
    extraction.html = body.innerHTML;
    extraction.text = blockTexts(body).join('\n\n');
  }
  return extraction;
}

/** Word tokens as the extraction benchmark counts them (Unicode letters, digits, underscore). */
export function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

function shingles(text: string): Set<string> {
  const tokens = tokenize(text);
  const result = new Set<string>();
  for (let index = 0; index + 4 <= tokens.length; index++) result.add(tokens.slice(index, index + 4).join(' '));
  if (tokens.length > 0 && tokens.length < 4) result.add(tokens.join(' '));
  return result;
}

function normalise(text: string): string {
  return tokenize(text.toLowerCase()).join(' ');
}

function wordCount(text: string): number {
  return tokenize(text).length;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}
