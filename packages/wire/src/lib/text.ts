import type { ArticleFields, ArticleImage, Figure, IngestContext, Ingester, IngestResult, Rule } from '@syndikit/core';
import { checkUrl, imageMediaType, report, resolveImageRef, splitCredit } from '@syndikit/core';
import type { Paragraph, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { parseByline } from './byline.js';
import { agencyName, matchDateline } from './dateline.js';
import { dateFromFileName, findDate } from './dates.js';
import { wireRules } from './diagnostics-rules.js';
import { findFragments } from './fragments.js';
import { type CompiledRule, compileRules, type WireRule } from './rules.js';

/** Options for {@link wireTextIngester}. */
export interface WireTextOptions {
  /** Rules of your own, tried before the defaults. Default `[]`. */
  rules?: readonly WireRule[] | null;
  /** Use {@link defaultRules}. Default `true`. */
  defaultRules?: boolean | null;
  /**
   * Where photos named in the copy (`20240104…jpeg`) live, e.g.
   * `https://photos.example/`. Default: none; the name is kept as a path
   * next to the article, and a warning says the photo has no URL.
   */
  photoBaseUrl?: string | null;
}

interface Line {
  text: string;
  line: number;
  column: number;
}

/** What the reading has found so far; the phases below fill it in order. */
interface Reading {
  readonly context: IngestContext;
  readonly options: Readonly<WireTextOptions>;
  /** The lines left after the rules pass, blank lines dropped. */
  readonly kept: readonly Line[];
  readonly fields: ArticleFields;
  readonly notes: string[];
  readonly body: RootContent[];
  /** Whether the head (headline, deck, byline, date, lead photo) is over. */
  bodyStarted: boolean;
  /** The date read from a date line. */
  published?: string;
  /** The first date found in a photo file name, the fallback for `published`. */
  photoDate?: { value: string; name: string; line: Line };
}

/** Lines of the form `20240104130140-6596fbc4ab0e128c0986ac9fjpeg` or `photo-name.jpg`. */
const photoLine = /^(?<name>[\w-]{6,}?)\.?(?<extension>jpe?g|png|gif|webp)$/iu;

/** The `.txt` ingester for scraped wire copy. */
export function wireTextIngester(options?: Readonly<WireTextOptions> | null): Ingester {
  const rules = compileRules(options?.rules ?? [], options?.defaultRules ?? true);
  if (options?.photoBaseUrl !== undefined && options.photoBaseUrl !== null) {
    const checked = typeof options.photoBaseUrl === 'string' ? checkUrl(options.photoBaseUrl) : undefined;
    if (!checked || 'error' in checked) {
      throw new TypeError(
        `Expected an absolute http(s) URL for wire option \`photoBaseUrl\` but received ${JSON.stringify(options.photoBaseUrl)}${checked && 'error' in checked ? `: ${checked.error}` : ''}`,
      );
    }
  }
  return { name: 'wire-text', extensions: ['.txt'], ingest: (context) => ingestWireText(context, rules, options ?? {}) };
}

/**
 * Read wire copy as scraped from a news site or delivered as text:
 * headline, deck, byline, date line, photos with caption and credit,
 * dateline, body, end byline, contributor notes and copyright. Site chrome
 * and trailers are removed by `rules`; each removal and each guess is
 * reported (as info, warning or error) with its line.
 */
export function ingestWireText(
  context: IngestContext,
  rules: readonly CompiledRule[],
  options: Readonly<WireTextOptions>,
): IngestResult | undefined {
  const { file } = context;
  const fields: ArticleFields = { authors: [], tags: [], images: [] };
  const notes: string[] = [];
  // 1. Rules: chrome, trailers, notes, copyright, credits.
  const kept = applyRules(context, rules, fields, notes);
  // 2. Structure: the head (headline, deck, byline, date, lead photo), then the body.
  const reading: Reading = { context, options, kept, fields, notes, body: [], bodyStarted: false };
  if (!readLines(reading)) return undefined;
  if (!fields.headline || reading.body.length === 0) {
    report(
      file,
      'error',
      'No article found: after removing site chrome, nothing is left that reads as a headline and a story',
      wireRules.noArticle,
      { line: 1, column: 1 },
    );
    return undefined;
  }
  // 3. Guesses, each explained.
  settlePublished(reading);
  if (fields.dateline?.agency && !fields.source) fields.source = agencyName(fields.dateline.agency);
  if (notes.length > 0) fields.notes = notes;
  // 4. Fragments left where link text was stripped.
  reportFragments(file, reading.body);
  const tree: Root = { type: 'root', children: reading.body };
  return { fields, body: tree, slugHint: fields.headline };
}

function info(file: VFile, reason: string, rule: Rule | string, line: Line): void {
  report(file, 'info', reason, rule, { line: line.line, column: line.column });
}

/** The rules pass: act on every line a rule matches, and return the lines no rule matched. */
function applyRules(context: IngestContext, rules: readonly CompiledRule[], fields: ArticleFields, notes: string[]): Line[] {
  const kept: Line[] = [];
  const all = context.text.split(/\r\n|\r|\n/);
  for (let index = 0; index < all.length; index++) {
    const raw = all[index] ?? '';
    const text = raw.trim();
    if (text === '') continue;
    const line: Line = { text, line: index + 1, column: raw.length - raw.trimStart().length + 1 };
    // The first rule that matches acts; the others are not tried.
    const rule = rules.find((candidate) => candidate.pattern.test(text));
    if (!rule) kept.push(line);
    else if (applyRule(context.file, rule, line, all.slice(index + 1), fields, notes) === 'stop') break;
  }
  return kept;
}

/** Act on one line matched by `rule`; `'stop'` when the rest of the copy is a trailer. */
function applyRule(
  file: VFile,
  rule: CompiledRule,
  line: Line,
  after: readonly string[],
  fields: ArticleFields,
  notes: string[],
): 'stop' | undefined {
  const { text } = line;
  switch (rule.action) {
    case 'drop':
      info(file, `Removed ${rule.description}: "${shorten(text)}"`, rule.id, line);
      return undefined;
    case 'drop-rest': {
      const rest = after.filter((other) => other.trim() !== '').length;
      info(file, `Removed ${rule.description}: "${shorten(text)}" and the ${rest} line${rest === 1 ? '' : 's'} after it`, rule.id, line);
      return 'stop';
    }
    case 'copyright':
      fields.copyright = text;
      info(file, `Read the copyright notice: "${shorten(text)}"`, rule.id, line);
      return undefined;
    case 'note':
      notes.push(text);
      info(file, `Kept as an editorial note, not body: "${shorten(text)}"`, rule.id, line);
      return undefined;
    case 'credits':
      readCredits(text, fields, notes);
      info(file, `Read reporting and editing credits: "${shorten(text)}"`, rule.id, line);
      return undefined;
  }
}

/** "Reporting by A and B; Editing by C": reporters become authors, the rest notes. */
function readCredits(text: string, fields: ArticleFields, notes: string[]): void {
  for (const part of text.split(/\s*;\s*/)) {
    const reporting = /^(?:additional )?(?:reporting|writing) by (.+?)\.?$/i.exec(part);
    const names = reporting?.[1] ? parseByline(reporting[1]) : undefined;
    if (names) addAuthors(fields, names.authors);
    else notes.push(part.replace(/\.$/, ''));
  }
}

/** Add the authors not known yet, by name. */
function addAuthors(fields: ArticleFields, authors: ArticleFields['authors']): void {
  fields.authors.push(...authors.filter((author) => !fields.authors.some((known) => known.name === author.name)));
}

/** Read the kept lines in order: photos anywhere, the head until the body starts, then the body. `false` when the copy stops short. */
function readLines(reading: Reading): boolean {
  const { kept } = reading;
  for (let index = 0; index < kept.length; index++) {
    const line = kept[index] as Line;
    const photo = photoLine.exec(line.text);
    if (photo?.groups) index += readPhoto(reading, index, photo.groups.name ?? '', photo.groups.extension ?? 'jpg');
    else if (!reading.bodyStarted) {
      if (readHeadLine(reading, index) === 'no-body') return false;
    } else readBodyLine(reading, index);
  }
  return true;
}

/** A photo line and the caption under it, if the next line reads as one. Returns how many lines after it were used. */
function readPhoto(reading: Reading, index: number, name: string, extension: string): number {
  const { context, fields, kept } = reading;
  const line = kept[index] as Line;
  const caption = kept[index + 1];
  const hasCaption =
    caption !== undefined && !photoLine.test(caption.text) && !matchDateline(caption.text) && looksLikeCaption(caption.text);
  const image = photoImage(name, extension, hasCaption ? caption.text : undefined, context, reading.options, line);
  const used = hasCaption ? 1 : 0;
  if (!image) return used;
  const cue = dateFromFileName(name, context.timeZone);
  if (cue && !reading.photoDate) reading.photoDate = { value: cue, name, line };
  if (reading.bodyStarted) reading.body.push(figureOf(image, line));
  else fields.images.push(image);
  info(context.file, `Read a photo${hasCaption ? ' and its caption' : ''}: ${image.src}`, wireRules.photo, line);
  return used;
}

/** A line of the head: dateline, date, byline, headline or deck, or else the first paragraph. */
function readHeadLine(reading: Reading, index: number): 'no-body' | undefined {
  const line = reading.kept[index] as Line;
  const dateline = readDateline(reading, index);
  if (dateline === 'no-body') return 'no-body';
  if (dateline === 'read' || readHeadField(reading, index)) return undefined;
  reading.bodyStarted = true;
  reading.body.push(paragraph(line));
  return undefined;
}

/** A dateline (`CHARLESTON, S.C. (AP) — …`) starts the body; a teaser that repeats the story's start is removed. */
function readDateline(reading: Reading, index: number): 'read' | 'no-body' | 'none' {
  const { context, fields, kept } = reading;
  const line = kept[index] as Line;
  const dateline = matchDateline(line.text);
  if (!dateline) return 'none';
  if (kept.slice(index + 1).some((later) => startsWithText(later.text, line.text))) {
    info(context.file, `Removed a teaser that repeats the start of the story: "${shorten(line.text)}"`, wireRules.teaser, line);
    return 'read';
  }
  fields.dateline = { place: dateline.place, agency: dateline.agency };
  if (!dateline.rest) {
    if (!kept[index + 1]) {
      report(context.file, 'error', `Dateline "${shorten(line.text)}" has no story after it`, wireRules.noBody, {
        line: line.line,
        column: line.column,
      });
      return 'no-body';
    }
    reading.bodyStarted = true;
    return 'read';
  }
  reading.bodyStarted = true;
  const column = line.column + line.text.length - dateline.rest.length;
  reading.body.push(paragraph({ text: dateline.rest, line: line.line, column }));
  info(context.file, `Read the dateline ${dateline.place} (${dateline.agency})`, wireRules.dateline, line);
  return 'read';
}

/** Date line, byline, headline or deck; `true` when the line was one of them. */
function readHeadField(reading: Reading, index: number): boolean {
  const { context, fields, kept } = reading;
  const line = kept[index] as Line;
  const date = line.text.length < 120 ? findDate(line.text, context.timeZone) : undefined;
  if (date && fields.headline && /^(updated|published|posted|\w+day,|[\p{Lu}][\p{Ll}]+\.? \d|\d)/iu.test(line.text)) {
    reading.published ??= date.value;
    const zone = date.zoned ? '' : ` (no time zone given; ${context.timeZone} assumed)`;
    info(context.file, `Read the publication date ${date.value}${zone}`, wireRules.date, line);
    return true;
  }
  const byline = /^(by|von|par|por)\s/i.test(line.text) ? parseByline(line.text) : undefined;
  if (byline && fields.headline) {
    addAuthors(fields, byline.authors);
    if (byline.source) fields.source ??= byline.source;
    info(context.file, `Read the byline: ${byline.authors.map((author) => author.name).join(', ')}`, wireRules.byline, line);
    return true;
  }
  if (!fields.headline) {
    fields.headline = line.text;
    info(context.file, `Read the headline: "${shorten(line.text)}"`, wireRules.headline, line);
    return true;
  }
  if (
    !fields.subheadline &&
    fields.images.length === 0 &&
    line.text.length < 250 &&
    !/[.!?]["”]?$/.test(line.text) &&
    index + 1 < kept.length
  ) {
    fields.subheadline = line.text;
    info(context.file, `Read the deck: "${shorten(line.text)}"`, wireRules.deck, line);
    return true;
  }
  return false;
}

/** A line of the body: an end byline (metadata, not text), a subheading, or a paragraph. */
function readBodyLine(reading: Reading, index: number): void {
  const { context, fields, kept, body } = reading;
  const line = kept[index] as Line;
  // A byline near the end is metadata, not text.
  const near = kept.length - index <= 3;
  const endByline = near && line.text.length < 200 ? parseByline(line.text) : undefined;
  if (endByline && (endByline.source || /^by\s/i.test(line.text))) {
    if (fields.authors.length === 0) fields.authors.push(...endByline.authors);
    if (endByline.source) fields.source ??= endByline.source;
    const names = endByline.authors.map((author) => author.name).join(', ');
    info(context.file, `Read the byline: ${names}${endByline.source ? `, ${endByline.source}` : ''}`, wireRules.byline, line);
    return;
  }
  // A short line without closing punctuation inside the story is a subheading ("About Harborlight").
  const next = kept[index + 1];
  if (
    line.text.length <= 80 &&
    !/[.!?:;,"”’)]$/u.test(line.text) &&
    /^[\p{Lu}\p{N}]/u.test(line.text) &&
    next &&
    !photoLine.test(next.text)
  ) {
    body.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: line.text }], position: paragraph(line).position });
    info(context.file, `Read a subheading: "${shorten(line.text)}"`, wireRules.subheading, line);
    return;
  }
  body.push(paragraph(line));
}

/** The publication date: the date line's, else guessed from a photo file name (a warning), else none (a warning). */
function settlePublished(reading: Reading): void {
  const { context, fields, published, photoDate } = reading;
  if (published) fields.published = published;
  else if (photoDate) {
    fields.published = photoDate.value;
    report(
      context.file,
      'warning',
      `Publication date guessed from the photo file name ${photoDate.name} (${photoDate.value}; time zone assumed ${context.timeZone})`,
      wireRules.dateGuessed,
      { line: photoDate.line.line, column: photoDate.line.column },
    );
  } else report(context.file, 'warning', 'No publication date found in the copy', wireRules.noDate, { line: 1, column: 1 });
}

/** Warn where a paragraph looks like link text was stripped from it, or ends mid-sentence. */
function reportFragments(file: VFile, body: readonly RootContent[]): void {
  for (const node of body) {
    if (node.type !== 'paragraph') continue;
    const start = node.position?.start;
    const text = (node.children[0] as { value: string }).value;
    for (const fragment of findFragments(text, node === body[0])) {
      report(file, 'warning', fragment.reason, fragment.rule, {
        line: start?.line ?? 1,
        column: (start?.column ?? 1) + fragment.offset,
      });
    }
  }
}

function looksLikeCaption(text: string): boolean {
  return Boolean(splitCredit(text).credit) || (text.length > 40 && /[.)]$/.test(text));
}

/** Whether `later` starts with the text of `teaser`, ignoring spacing and case. */
function startsWithText(later: string, teaser: string): boolean {
  const normalize = (value: string) => value.replace(/\s+/g, ' ').trim().toLowerCase();
  const a = normalize(later);
  const b = normalize(teaser);
  return a.length > b.length && a.startsWith(b);
}

function paragraph(line: Line): Paragraph {
  const end = { line: line.line, column: line.column + line.text.length };
  return {
    type: 'paragraph',
    children: [{ type: 'text', value: line.text }],
    position: { start: { line: line.line, column: line.column }, end },
  };
}

function photoImage(
  name: string,
  extension: string,
  caption: string | undefined,
  context: IngestContext,
  options: Readonly<WireTextOptions>,
  line: Line,
): ArticleImage | undefined {
  const fileName = `${name}.${extension.toLowerCase()}`;
  let src: string;
  if (options.photoBaseUrl) src = new URL(fileName, options.photoBaseUrl).href;
  else {
    const resolved = resolveImageRef(fileName, context.articlePath);
    if ('error' in resolved) return undefined;
    src = resolved.src;
    report(
      context.file,
      'warning',
      `Photo ${fileName} is named in the copy but has no URL; set the wire option photoBaseUrl`,
      wireRules.photoNoUrl,
      { line: line.line, column: line.column },
    );
  }
  const image: ArticleImage = { src };
  const mediaType = imageMediaType(fileName);
  if (mediaType) image.mediaType = mediaType;
  if (caption) {
    const split = splitCredit(caption);
    if (split.caption) image.caption = split.caption;
    if (split.credit) image.credit = split.credit;
  }
  return image;
}

function figureOf(image: ArticleImage, line: Line): Figure {
  const figure: Figure = {
    type: 'figure',
    url: image.src,
    position: { start: { line: line.line, column: line.column }, end: { line: line.line, column: line.column + line.text.length } },
  };
  if (image.caption) figure.caption = image.caption;
  if (image.credit) figure.credit = image.credit;
  return figure;
}

function shorten(text: string): string {
  return text.length > 70 ? `${text.slice(0, 67)}...` : text;
}
