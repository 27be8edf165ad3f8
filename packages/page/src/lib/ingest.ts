/**
 * The `.html` / `.htm` ingester: a saved news page in, one article out.
 * {@link extractPage} finds the story and reads the metadata; this module
 * turns that into article fields, sends the body through the one sanitiser
 * (`@syndikit/html`'s `articleSchema`) into mdast, and reports each decision
 * as a diagnostic line.
 */
import type { ArticleFields, ArticleImage, Figure, IngestContext, IngestResult, Rule } from '@syndikit/core';
import { checkUrl, imageMediaType, normalizeDate, report, reportedRuleId, resolveImageRef } from '@syndikit/core';
import { articleSchema, estimateHtmlDepth, hastToText, reportUnsafe } from '@syndikit/html';
import { agencyName, findDate, locateDate, matchDateline } from '@syndikit/wire';
import { franc } from 'franc-min';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize } from 'hast-util-sanitize';
import { type Handle, toMdast } from 'hast-util-to-mdast';
import { iso6393To1 } from 'iso-639-3';
import type { Root } from 'mdast';
import * as stopwordLists from 'stopword';
import { isPersonName } from './author-marks.js';
import { findByline, findEndByline } from './byline.js';
import { labelsUpdate } from './date-clues.js';
import { defaultMaxPageDepth } from './defaults.js';
import { captionOnlyClass, extractPage, type PageExtraction, type PageFigure } from './extract.js';
import type { PageIngestOptions } from './ingester.js';
import { looseDateSources, splitAuthors } from './metadata.js';
import { recognize } from './recognize.js';
import { pageRules } from './rules.js';
import { isSiteName, siteNames } from './site.js';

/** Read one saved page into article fields and a sanitised mdast body. */
export function ingestPage(context: IngestContext, options?: Readonly<PageIngestOptions> | null): IngestResult | undefined {
  const { text } = context;
  const say = pageReporter(context.file);
  if (!recognize(text)) {
    say.error('The file does not look like an HTML page (no `<html>`, `<head>`, `<body>` or `<!doctype html>`)', pageRules.pageNotHtml);
    return undefined;
  }
  const extraction = extractPage(text, options);
  if (!checkExtraction(extraction, context, options, say)) return undefined;
  const body = toBody(extraction.html, (reason, ruleId) => say.warn(`Body: ${reason}`, ruleId));
  const captionsOnly = body.children.filter((node): node is Figure => node.type === 'figure');
  if (captionsOnly.length > 0) {
    const sample = captionsOnly
      .slice(0, 3)
      .map((figure) => `"${shorten(figure.caption ?? figure.credit ?? '')}"`)
      .join(', ');
    say.info(
      `Kept ${captionsOnly.length} photo caption${captionsOnly.length === 1 ? '' : 's'} whose image has no usable source as figure${captionsOnly.length === 1 ? '' : 's'} without a file, where ${captionsOnly.length === 1 ? 'it' : 'they'} stood: ${sample}${captionsOnly.length > 3 ? ', …' : ''}`,
      pageRules.pageCaptionOnly,
    );
  }

  const fields: ArticleFields = { authors: [], tags: [], images: [] };
  // The order of the phases is the order of the messages: keep it.
  readHeadlineAndAuthors(extraction, fields, say);
  readDates(extraction, context, fields, say);
  readLanguage(extraction, fields, say);
  const { metadata } = extraction;
  const pageUrl = absoluteUrl(metadata.url?.value);
  if (pageUrl) fields.url = pageUrl;
  if (metadata.section) fields.section = metadata.section.value;
  fields.tags = metadata.tags;
  const copyright = metadata.copyright ?? extraction.copyright;
  if (copyright) fields.copyright = copyright;

  const dateline = matchDateline(firstParagraph(extraction.text));
  if (dateline) {
    fields.dateline = { place: dateline.place, agency: dateline.agency };
    fields.source = agencyName(dateline.agency);
  } else if (metadata.organisation) fields.source = metadata.organisation.value;

  fields.images = images(extraction.figures, pageUrl, context.articlePath, (src, reason) =>
    say.warn(`Image "${shorten(src)}" is left out: ${reason}`, pageRules.pageImageUnresolved),
  );

  return { fields, body, slugHint: fields.headline ?? context.articlePath.replace(/\.html?$/i, '') };
}

/** A page's messages: all at its start, since the decisions are about the page as a whole. */
interface PageReporter {
  info(reason: string, rule: Rule): void;
  warn(reason: string, rule: Parameters<typeof report>[3]): void;
  error(reason: string, rule: Rule): void;
}

function pageReporter(file: IngestContext['file']): PageReporter {
  const start = { line: 1, column: 1 };
  return {
    info: (reason, rule) => report(file, 'info', reason, rule, start),
    warn: (reason, rule) => report(file, 'warning', reason, rule, start),
    error: (reason, rule) => report(file, 'error', reason, rule, start),
  };
}

/**
 * Report the JSON-LD problems and the extraction's decisions; false (after
 * an error) when there is no body to read: the page nests too deep, no
 * story was found, or the story's HTML nests deeper than the limit.
 */
function checkExtraction(
  extraction: PageExtraction,
  context: IngestContext,
  options: Readonly<PageIngestOptions> | null | undefined,
  say: PageReporter,
): boolean {
  for (const problem of extraction.metadata.problems) {
    say.warn(`JSON-LD block ${problem.block} is not valid JSON and is ignored: ${problem.reason}`, pageRules.pageJsonLdInvalid);
  }
  reportDecisions(extraction, say.info);

  if (extraction.tooDeep !== undefined) {
    const limit = options?.maxPageDepth ?? defaultMaxPageDepth;
    say.error(`The page nests more than ${limit} elements deep; it is not read`, pageRules.pageTooDeep);
    return false;
  }
  if (extraction.html.trim() === '') {
    say.error('No article body was found on the page', pageRules.pageNoArticle);
    return false;
  }
  const depth = estimateHtmlDepth(extraction.html);
  if (depth > context.limits.maxDepth) {
    say.error(`The article HTML nests ${depth} levels deep, more than the limit of ${context.limits.maxDepth}`, pageRules.pageTooDeep);
    return false;
  }
  return true;
}

/** Headline (said where it came from), summary and authors (the metadata's, else Readability's byline). */
function readHeadlineAndAuthors(extraction: PageExtraction, fields: ArticleFields, say: PageReporter): void {
  const { metadata } = extraction;
  const headline = extraction.headline;
  if (headline) {
    fields.headline = headline.value;
    say.info(`Headline from ${headline.from}: "${shorten(headline.value)}"`, pageRules.pageHeadline);
  } else say.warn('The page has no headline (no JSON-LD headline, og:title, <h1> or <title>)', pageRules.pageNoHeadline);

  if (metadata.summary) fields.summary = metadata.summary.value;
  if (extraction.standfirst) fields.subheadline = extraction.standfirst;
  // Readability's byline is the text of an element: the site's name there (`Acme News`) names no person.
  const byline = extraction.readabilityByline;
  const authors = metadata.authors?.value ?? (byline && !isSiteName(byline, siteNames(metadata)) ? splitAuthors(byline) : []);
  let found = authors.length > 0 ? authors : printedByline(extraction);
  if (found.length === 0) found = markedAuthors(extraction);
  if (found.length === 0) found = endByline(extraction);
  fields.authors = found.map((name) => ({ name }));
  if (fields.authors.length === 0) say.warn('No author was found on the page', pageRules.pageNoByline);
}

/** The names of the first byline printed on the page (`byline.ts`) that is not the site's name. */
function printedByline(extraction: PageExtraction): string[] {
  const site = siteNames(extraction.metadata);
  for (const clue of extraction.bylineClues) {
    const names = findByline(clue);
    if (!names || isSiteName(names, site)) continue;
    const list = splitAuthors(names);
    if (list.length > 0) return list;
  }
  return [];
}

/** The persons named by the first byline the markup marks as the author's (`author-marks.ts`), without the site's name. */
function markedAuthors(extraction: PageExtraction): string[] {
  const site = siteNames(extraction.metadata);
  for (const texts of extraction.markedAuthors) {
    const names = [...new Set(texts.flatMap(splitAuthors))];
    // The first marked byline that names anyone is the story's: when it names only the site, later ones (lists of
    // other stories further down) are not asked.
    if (names.some((name) => isSiteName(name, site))) return names.filter((name) => isPersonName(name) && !isSiteName(name, site));
    const people = names.filter(isPersonName);
    if (people.length > 0) return people;
  }
  return [];
}

/** The names of a byline printed at the story's end (`byline.ts`), when it is not the site's name. */
function endByline(extraction: PageExtraction): string[] {
  const names = findEndByline(extraction.text.split(/\n\n/u));
  if (!names || isSiteName(names, siteNames(extraction.metadata))) return [];
  return splitAuthors(names).filter(isPersonName);
}

/** Published and updated, in the context's time zone; a date that does not parse is ignored with a warning. */
function readDates(extraction: PageExtraction, context: IngestContext, fields: ArticleFields, say: PageReporter): void {
  for (const key of ['published', 'updated'] as const) {
    const value = extraction.metadata[key];
    if (!value) continue;
    const normalized = normalizeDate(value.value, context.timeZone);
    // Some CMSs put the date as printed into the metadata (`Di., 25.01.2022 - 14:45`): read as printed text.
    const printed = typeof normalized === 'string' ? undefined : findDate(value.value, context.timeZone)?.value;
    if (typeof normalized === 'string') fields[key] = normalized;
    else if (printed) fields[key] = printed;
    else say.warn(`The ${key} date "${value.value}" (from ${value.from}) is ignored: ${normalized.error}`, pageRules.pageDateInvalid);
  }
  printedUpdate(extraction, context, fields, say);
  printedOverLoose(extraction, context, fields, say);
  if (!fields.published) {
    // A date labelled as an update (`Article mis à jour le 7 janvier 2020`) is passed over for the next clue's; it is
    // the date only when the page prints no other.
    let update: { value: string; from: string; text: string } | undefined;
    for (const clue of extraction.dateClues) {
      const found = locateDate(clue.text, context.timeZone);
      if (!found) continue;
      if (labelsUpdate(clue.text.slice(0, found.index))) {
        update ??= { value: found.value, from: clue.from, text: clue.text };
        continue;
      }
      fields.published = found.value;
      say.info(`Date from ${clue.from}: "${shorten(clue.text)}"`, pageRules.pageDateFromText);
      break;
    }
    if (!fields.published && update) {
      fields.published = update.value;
      say.info(
        `Date from ${update.from}, labelled as an update (the page prints no other): "${shorten(update.text)}"`,
        pageRules.pageDateFromText,
      );
    }
  }
  if (!fields.published) say.warn('No publication date was found on the page', pageRules.pageNoDate);
}

/**
 * Some pages print their last update as the article's date while the metadata keeps the first publication: when
 * the first date printed under the headline is the update's day and not the publication's, the update is the date
 * an editor reads on the page. A date of neither (an event in a standfirst) changes nothing.
 */
function printedUpdate(extraction: PageExtraction, context: IngestContext, fields: ArticleFields, say: PageReporter): void {
  const { published, updated } = fields;
  const under = extraction.underHeadline;
  if (!published || !updated || !under) return;
  // Days as written: the metadata's own offset, the printed date as printed.
  const printed = findDate(under, context.timeZone)?.value.slice(0, 10);
  if (printed === undefined || printed === published.slice(0, 10) || printed !== updated.slice(0, 10)) return;
  fields.published = updated;
  const { metadata } = extraction;
  say.info(
    `Date from the text under the headline, which prints the page's update (${metadata.updated?.from}) and not its first publication (${metadata.published?.from}): "${shorten(under)}"`,
    pageRules.pageDateFromText,
  );
}

/**
 * A loose metadata date (`looseDateSources`: a bare `<meta name="date">`, the page's first `<time datetime>`) need not
 * be the article's: when the first date the page prints (a date line of the story, beside the headline, an element
 * marked as a date) is another day, the printed date is the one an editor reads on the page.
 */
function printedOverLoose(extraction: PageExtraction, context: IngestContext, fields: ArticleFields, say: PageReporter): void {
  const { published } = fields;
  const source = extraction.metadata.published?.from;
  if (!published || source === undefined || !looseDateSources.has(source)) return;
  for (const clue of extraction.dateClues) {
    const found = findDate(clue.text, context.timeZone);
    if (!found) continue;
    // Days as written: the metadata's own offset, the printed date as printed.
    if (found.value.slice(0, 10) === published.slice(0, 10)) return;
    fields.published = found.value;
    say.info(
      `Date from ${clue.from}, which prints another day than the ${source} (${published}): "${shorten(clue.text)}"`,
      pageRules.pageDateFromText,
    );
    return;
  }
}

/** The declared language, else one detected from the text (said so), else a warning. */
function readLanguage(extraction: PageExtraction, fields: ArticleFields, say: PageReporter): void {
  const language = languageTag(extraction.metadata.language?.value);
  if (language) {
    fields.language = language;
    const written = otherLanguage(language, extraction.text);
    if (written) {
      fields.language = written;
      say.info(
        `Language ${written} read from the text: the page declares ${language} (from ${extraction.metadata.language?.from}), but its words are ${written}`,
        pageRules.pageLanguageDetected,
      );
    }
  } else {
    const detected = detectLanguage(extraction.text);
    if (detected) {
      fields.language = detected;
      say.info(`Language detected from the text: ${detected} (the page declares none)`, pageRules.pageLanguageDetected);
    } else say.warn('The page declares no language and the text is too short to tell', pageRules.pageNoLanguage);
  }
}

/** One line per kind of decision: where the story came from, and per rule how many blocks were dropped. */
function reportDecisions(extraction: PageExtraction, info: (reason: string, rule: Rule) => void): void {
  for (const decision of extraction.decisions) {
    if (decision.kind === 'story' && decision.rule === 'standfirst')
      info(
        `Subheadline from the standfirst printed under the headline, outside the story's container, which the page's description repeats: "${shorten(decision.text)}"`,
        pageRules.pageStoryFound,
      );
    else if (decision.kind === 'story') info(`Story found by Readability (${decision.text})`, pageRules.pageStoryFound);
    if (decision.kind === 'article-body') info(decision.text, pageRules.pageStoryFound);
  }
  const dropped = new Map<string, string[]>();
  for (const decision of extraction.decisions) {
    if (decision.kind !== 'dropped') continue;
    dropped.set(decision.rule, [...(dropped.get(decision.rule) ?? []), decision.text]);
  }
  for (const [rule, texts] of dropped) {
    const sample = texts
      .slice(0, 3)
      .map((text) => `"${shorten(text)}"`)
      .join(', ');
    info(
      `Dropped ${texts.length} block${texts.length === 1 ? '' : 's'} as ${rule}: ${sample}${texts.length > 3 ? ', …' : ''}`,
      pageRules.pageChromeDropped,
    );
  }
}

/** The body HTML through the sanitiser into mdast; each kind of unsafe content is reported once. */
function toBody(html: string, warn: (reason: string, ruleId: string) => void): Root {
  const hast = fromHtml(html, { fragment: true }) as HastRoot;
  const seen = new Map<string, { ruleId: string; count: number }>();
  const stripped = new Set(articleSchema.strip ?? []);
  reportUnsafe(hast, articleSchema, (reason, options) => {
    // Layout wrappers (`<article>`, `<header>`, `<span>`) are unwrapped without a word; what was dangerous is reported.
    const element = /^Removed `<([a-z0-9-]+)>`/.exec(reason)?.[1];
    if (element && !stripped.has(element)) return;
    const entry = seen.get(reason);
    if (entry) entry.count++;
    else seen.set(reason, { ruleId: reportedRuleId(options), count: 1 });
  });
  for (const [reason, { ruleId, count }] of seen) warn(count > 1 ? `${reason} (${count} times)` : reason, ruleId);
  const clean = sanitize(hast, articleSchema) as HastRoot;
  const mdast = toMdast(clean, { handlers: { figure: captionOnlyFigure } }) as Root;
  stripPositions(mdast);
  return mdast;
}

/**
 * A figure the extractor left with only its caption and credit (its image had no usable source) as a
 * figure without a file; any other figure is read as its content, as hast-util-to-mdast would.
 */
const captionOnlyFigure: Handle = (state, node) => {
  const className = node.properties.className;
  if (!Array.isArray(className) || !className.includes(captionOnlyClass)) return state.all(node);
  const figcaption = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'figcaption');
  const credit = figcaption?.children.find((child): child is Element => child.type === 'element' && child.tagName === 'small');
  const text = (children: ElementContent[]) => hastToText({ type: 'root', children }).replace(/\s+/g, ' ').trim();
  const figure: Figure = { type: 'figure' };
  const caption = text((figcaption?.children ?? []).filter((child) => child !== credit));
  if (caption) figure.caption = caption;
  const creditText = credit ? text(credit.children) : '';
  if (creditText) figure.credit = creditText;
  return figure as never;
};

function stripPositions(node: { position?: unknown; children?: unknown[] }): void {
  // Positions point into the extracted HTML, not the page; the article model carries none.
  delete node.position;
  if (Array.isArray(node.children))
    for (const child of node.children) stripPositions(child as { position?: unknown; children?: unknown[] });
}

function firstParagraph(text: string): string {
  return text.split('\n\n', 1)[0] ?? '';
}

/** A BCP 47 tag from `<html lang>` or metadata (`en_US` → `en-US`), or nothing when it is not one. */
function languageTag(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const tag = value.trim().replace(/_/g, '-');
  return /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(tag) ? tag : undefined;
}

/**
 * The language of the body by franc (trigram statistics over the 82
 * languages of franc-min), as the shortest BCP 47 tag (`deu` → `de`).
 * Below 200 characters trigrams mislead, so nothing is guessed.
 */
function detectLanguage(text: string): string | undefined {
  if (text.length < 200) return undefined;
  const code = franc(text.slice(0, 10_000), { minLength: 200 });
  if (code === 'und') return undefined;
  return iso6393To1[code] ?? code;
}

/** ISO 639-1 → 639-3 (`de` → `deu`), the reverse of iso-639-3's table. */
const iso6391To3 = new Map(Object.entries(iso6393To1).map(([three, one]) => [one, three]));
/** A language's words are this share of stop words at least, in prose (German, English, French run at 0.35 to 0.5). */
const proseStopwords = 0.2;

/**
 * The language the text is written in when the page declares another: a
 * CMS template's `<html lang="en">` on a German site. Only on a long text
 * (1,000 characters), when franc names another language and that
 * language's stop words (the `stopword` package's lists) are at least a
 * fifth of the words and twice as common as the declared language's.
 */
function otherLanguage(declared: string, text: string): string | undefined {
  if (text.length < 1000) return undefined;
  const primary = declared.split('-')[0]?.toLowerCase() ?? '';
  const code = franc(text.slice(0, 10_000), { minLength: 200 });
  const detected = iso6393To1[code] ?? code;
  const declaredCode = iso6391To3.get(primary) ?? primary;
  if (code === 'und' || detected === primary || code === declaredCode) return undefined;
  const words =
    text
      .slice(0, 10_000)
      .toLowerCase()
      .match(/[\p{L}'’]+/gu) ?? [];
  const share = (language: string) => {
    const list = stopList(language);
    return list ? words.filter((word) => list.has(word)).length / Math.max(1, words.length) : undefined;
  };
  const found = share(code);
  const claimed = share(declaredCode);
  if (found === undefined || claimed === undefined) return undefined;
  return found >= proseStopwords && claimed * 2 <= found ? detected : undefined;
}

/** The `stopword` package's list for a language (ISO 639-3), or none. */
function stopList(language: string): ReadonlySet<string> | undefined {
  const lists = stopwordLists as unknown as Record<string, readonly string[] | undefined>;
  const list = lists[language];
  return list ? new Set(list.map((word) => word.toLowerCase())) : undefined;
}

/** `value` as an absolute URL under core's URL policy (`//cdn/x` read as https), or none when refused. */
function absoluteUrl(value: string | undefined, base?: string): string | undefined {
  if (!value) return undefined;
  const checked = checkUrl(value, { base, schemeRelative: 'https' });
  return 'url' in checked ? checked.url : undefined;
}

/** Where a browser's "Save page as…, complete" puts a page's files: `Story_files/photo.jpg` beside the page. */
const savedFiles = /^(?:\.\/)?[^/?#]+_files\//u;

/**
 * Figures as article images, each once: files saved with the page are
 * local images beside it (confined to the content root, read by the images
 * adapter); other relative URLs are resolved against the page URL; every
 * reference then goes through the core's one image-reference policy.
 */
function images(
  figures: readonly PageFigure[],
  pageUrl: string | undefined,
  articlePath: string,
  leftOut: (src: string, reason: string) => void,
): ArticleImage[] {
  const result: ArticleImage[] = [];
  const seen = new Set<string>();
  for (const figure of figures) {
    let reference = figure.src;
    if (savedFiles.test(reference)) reference = safeDecode(reference);
    else if (!/^[a-z][a-z0-9+.-]*:|^\/\//i.test(reference)) {
      const resolved = absoluteUrl(reference, pageUrl);
      if (!resolved) {
        leftOut(figure.src, 'it has a relative URL and the page has no URL to resolve it against');
        continue;
      }
      reference = resolved;
    }
    const checked = resolveImageRef(reference, articlePath);
    if ('error' in checked) {
      leftOut(figure.src, checked.reason);
      continue;
    }
    const src = checked.src;
    if (seen.has(src)) continue;
    seen.add(src);
    const image: ArticleImage = { src };
    if (figure.alt) image.alt = figure.alt;
    if (figure.caption) image.caption = figure.caption;
    if (figure.credit) image.credit = figure.credit;
    if (figure.width) image.width = figure.width;
    if (figure.height) image.height = figure.height;
    const mediaType = imageMediaType(src.split(/[?#]/)[0] ?? src);
    if (mediaType) image.mediaType = mediaType;
    result.push(image);
  }
  return result;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function shorten(text: string, length = 60): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
