/**
 * dpa's digitalwires JSON (`"format": "digitalwires@0.9.x"`) into an
 * article: the same dpa conventions as its NewsML-G2 (teaser, dateline span,
 * notepad), read from JSON with every problem at its line and column.
 */
import type { ArticleFields, ArticleImage, Author, ImageRendition, IngestContext, IngestResult, PublicationStatus } from '@syndikit/core';
import { normalizeDate, report, splitCredit } from '@syndikit/core';
import { estimateHtmlDepth } from '@syndikit/html';
import { datelineFromText } from '@syndikit/newsml-g2';
import { hastToBody, openingDateline } from '@syndikit/nitf';
import { jsonDepth, parseByline, parseLocatedJson } from '@syndikit/wire';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { findNodeAtLocation } from 'jsonc-parser';
import type { Root } from 'mdast';
import type { Point } from 'unist';
import { digitalwiresRules } from './rules.js';

/** Options for {@link digitalwiresIngester}. */
export interface DigitalwiresOptions {
  /** Deepest JSON nesting accepted, checked before parsing. Default `64`. */
  maxJsonDepth?: number | null;
}

/** What reading an entry gives: the article and what is kept for the desk. */
export interface DigitalwiresResult extends IngestResult {
  /** `ednotes`, the notepad and the usage terms: never published. */
  editorNotes: string[];
}

type Entry = Record<string, unknown>;

/** Read a digitalwires entry; problems are reported on `context.file`. */
export function ingestDigitalwires(
  context: Pick<IngestContext, 'file' | 'text' | 'timeZone'>,
  maxDepth = 64,
): DigitalwiresResult | undefined {
  const parsed = parseEntry(context.file, context.text, maxDepth);
  if (!parsed) return undefined;
  const read = entryReader(context, parsed.entry, parsed.at);
  const fields: ArticleFields = { authors: [], tags: [], images: [] };
  // The order of the phases is the order of the messages: keep it.
  readMetadataFields(read, fields);
  readPeopleAndPlaces(read, fields);
  const editorNotes = readEditorNotes(read);
  const body = readBody(
    read.entry,
    fields,
    (reason) => report(read.file, 'warning', `Body: ${reason}`, digitalwiresRules.bodyUnsafe, read.at(['article_html'])),
    (reason) => {
      report(read.file, 'error', reason, digitalwiresRules.bodyUnsafe, read.at(['article_html']));
      read.failed = true;
    },
  );
  readAssociations(read.entry, fields);
  addLeadPicture(fields, body);
  guessHeadline(read, fields);
  if (read.failed) return undefined;
  return { fields, body, slugHint: fields.headline ?? '', editorNotes };
}

/** The parsed entry and a way to locate its keys, or undefined after reporting why the text is not one. */
function parseEntry(
  file: IngestContext['file'],
  text: string,
  maxDepth: number,
): { entry: Entry; at: (path: Array<string | number>) => Point } | undefined {
  // Depth first: a deeply nested document must not reach the parser.
  const depth = jsonDepth(text, maxDepth);
  if (depth.offset !== undefined) {
    report(file, 'error', `JSON nests more than ${maxDepth} levels deep`, digitalwiresRules.tooDeep, pointAt(text, depth.offset));
    return undefined;
  }
  const parsed = parseLocatedJson(text);
  if ('errors' in parsed) {
    for (const error of parsed.errors) report(file, 'error', error.message, digitalwiresRules.syntax, error.point);
    return undefined;
  }
  const entry = parsed.value;
  if (!isEntry(entry) || typeof entry.format !== 'string' || !entry.format.startsWith('digitalwires@')) {
    report(file, 'error', 'Expected a digitalwires entry (`"format": "digitalwires@…"`)', digitalwiresRules.notDigitalwires, {
      line: 1,
      column: 1,
    });
    return undefined;
  }
  const at = (path: Array<string | number>): Point => parsed.pointAt(findNodeAtLocation(parsed.root, path)?.offset ?? 0);
  return { entry, at };
}

/** Typed access to an entry's keys; a wrong type is reported at its key and marks the entry failed. */
interface EntryReader {
  file: IngestContext['file'];
  entry: Entry;
  at: (path: Array<string | number>) => Point;
  /** Set by any error that makes the entry unusable; reading goes on to report every problem. */
  failed: boolean;
  string(key: string): string | undefined;
  date(key: string): string | undefined;
  names(key: string): string[];
  categories(type: string): string[];
}

function entryReader(
  context: Pick<IngestContext, 'file' | 'timeZone'>,
  entry: Entry,
  at: (path: Array<string | number>) => Point,
): EntryReader {
  const { file } = context;
  const reader: EntryReader = {
    file,
    entry,
    at,
    failed: false,
    string: (key) => {
      const value = entry[key];
      if (value === undefined || value === null) return undefined;
      if (typeof value !== 'string') {
        report(file, 'error', `Expected a string for ${key} but received ${typeof value}`, digitalwiresRules.type, at([key]));
        reader.failed = true;
        return undefined;
      }
      return value.trim() || undefined;
    },
    date: (key) => {
      const value = reader.string(key);
      if (!value) return undefined;
      const normalized = normalizeDate(value, context.timeZone);
      if (typeof normalized === 'string') return normalized;
      report(file, 'warning', `${normalized.error} (${key})`, digitalwiresRules.date, at([key]));
      return undefined;
    },
    names: (key) =>
      Array.isArray(entry[key])
        ? (entry[key] as unknown[]).filter((name): name is string => typeof name === 'string' && name.trim() !== '')
        : [],
    categories: (type) =>
      (Array.isArray(entry.categories) ? entry.categories : []).flatMap((category) =>
        isEntry(category) && category.type === type && typeof category.name === 'string' && category.name.trim()
          ? [category.name.trim()]
          : [],
      ),
  };
  return reader;
}

/** Identity, headline, language, rights, dates and status. */
function readMetadataFields(read: EntryReader, fields: ArticleFields): void {
  const assign = <K extends keyof ArticleFields>(key: K, value: ArticleFields[K] | undefined) => {
    if (value !== undefined) fields[key] = value;
  };
  assign('id', read.string('urn'));
  assign('headline', read.string('headline'));
  assign('subheadline', read.string('subhead') ?? read.string('kicker'));
  assign('summary', read.string('teaser'));
  assign('language', read.string('language'));
  assign('copyright', read.string('copyrightnotice'));
  const created = read.date('content_created');
  const versionCreated = read.date('version_created');
  assign('published', created ?? versionCreated);
  if (created && versionCreated && versionCreated !== created) fields.updated = versionCreated;
  assign('embargoed', read.date('embargoed'));
  const status = read.string('pubstatus');
  if (status && ['usable', 'withheld', 'canceled'].includes(status)) fields.status = status as PublicationStatus;
  else if (status)
    report(
      read.file,
      'warning',
      `Expected pubstatus usable, withheld or canceled but received "${status}"`,
      digitalwiresRules.type,
      read.at(['pubstatus']),
    );
  if (read.string('signal')?.endsWith(':correction')) fields.notes = ['This is a corrected version of the story.'];
}

/** Authors, source, dateline, section and tags. */
function readPeopleAndPlaces(read: EntryReader, fields: ArticleFields): void {
  const provider = read.categories('dnltype:provider')[0];
  const byline = read.string('byline');
  const parsedByline = byline ? parseByline(byline) : undefined;
  const creators = read.categories('dnltype:creator').filter((name) => /\s/.test(name));
  const bare = byline
    ?.replace(/^(von|by)\s+/i, '')
    .replace(/,\s*[\p{L} ./]{1,30}$/u, '')
    .trim();
  // A byline that is only the agency ("dpa") names nobody: the creators then do.
  if (parsedByline) fields.authors = parsedByline.authors;
  else if (bare && !/^(dpa|ap|afp|reuters|epd|kna|sid)(\/\w+)?$/i.test(bare)) fields.authors = [{ name: bare }];
  else fields.authors = creators.map((name): Author => ({ name }));
  fields.source = provider ?? parsedByline?.source ?? read.string('creditline');
  if (!fields.source) delete fields.source;
  const dateline = read.string('dateline');
  if (dateline) fields.dateline = datelineFromText(dateline);
  const section = read.names('desk_names')[0] ?? read.categories('dnltype:desk')[0];
  if (section) fields.section = section;
  fields.tags = [...new Set([...read.names('dpasubject_names'), ...read.names('geosubject_names'), ...read.names('keyword_names')])].filter(
    (tag) => tag !== section,
  );
}

/** Desk-only material (ednotes, notepad, usage terms): never in the article, reported once as info. */
function readEditorNotes(read: EntryReader): string[] {
  const { entry } = read;
  const editorNotes: string[] = [];
  for (const note of Array.isArray(entry.ednotes) ? entry.ednotes : [])
    if (isEntry(note) && typeof note.ednote === 'string' && note.ednote.trim()) editorNotes.push(note.ednote.trim());
  const notepad = isEntry(entry.notepad) ? entry.notepad : undefined;
  for (const key of ['public_html', 'nonpublic_html'] as const) {
    const html = notepad?.[key];
    if (typeof html === 'string' && html.trim()) editorNotes.push(htmlText(html));
  }
  const usage = read.string('usageterms');
  if (usage) editorNotes.push(`Usage terms: ${usage}`);
  if (editorNotes.length > 0)
    report(
      read.file,
      'info',
      `${editorNotes.length} editor's note(s), notepad and usage terms kept for the desk, never published`,
      digitalwiresRules.editorNote,
      read.at(['ednotes']),
    );
  return editorNotes;
}

/** The associated pictures, each once by its address. */
function readAssociations(entry: Entry, fields: ArticleFields): void {
  (Array.isArray(entry.associations) ? entry.associations : []).forEach((association) => {
    const image = readImage(association);
    if (image && !fields.images.some((known) => known.src === image.src)) fields.images.push(image);
  });
}

/** A picture entry: its picture is its body, as for NewsML-G2 picture items. */
function addLeadPicture(fields: ArticleFields, body: Root): void {
  const lead = fields.images[0];
  if (body.children.length === 0 && lead) {
    body.children.push({
      type: 'figure',
      url: lead.src,
      ...withoutEmpty(lead),
      ...(lead.alt ? { alt: lead.alt } : {}),
      ...(lead.width && lead.height ? { width: lead.width, height: lead.height } : {}),
    });
  }
}

/** Without a headline, the caption or teaser stands in (a warning); with neither, the entry fails. */
function guessHeadline(read: EntryReader, fields: ArticleFields): void {
  if (fields.headline) return;
  const guess = fields.images[0]?.caption ?? fields.summary;
  if (guess) fields.headline = guess.length > 100 ? `${guess.slice(0, 97)}...` : guess;
  report(
    read.file,
    guess ? 'warning' : 'error',
    guess ? 'No headline: the caption or teaser is used' : 'The entry has no headline',
    digitalwiresRules.noHeadline,
    { line: 1, column: 1 },
  );
  if (!guess) read.failed = true;
}

/** `article_html`, then `infobox_html`: dpa's teaser, dateline span and header become fields, not body. */
function readBody(entry: Entry, fields: ArticleFields, warn: (reason: string) => void, fail: (reason: string) => void): Root {
  const html = ['article_html', 'infobox_html']
    .map((key) => entry[key])
    .filter((value): value is string => typeof value === 'string' && value.trim() !== '')
    .join('\n');
  if (!html) return { type: 'root', children: [] };
  if (estimateHtmlDepth(html) > 256) {
    fail('The HTML body nests more than 256 elements deep');
    return { type: 'root', children: [] };
  }
  const tree = fromHtml(html, { fragment: true }) as HastRoot;
  const children = tree.children.flatMap((child) => clean(child as ElementContent, fields));
  const body = hastToBody(children, (reason) => warn(reason));
  openingDateline(body, fields);
  return body;
}

function clean(node: ElementContent, fields: ArticleFields): ElementContent[] {
  if (node.type !== 'element') return [node];
  const classes = Array.isArray(node.properties.className) ? node.properties.className.map(String) : [];
  if (node.tagName === 'header') return [];
  if (node.tagName === 'p' && classes.includes('teaser')) {
    fields.summary ??= htmlTextOf(node);
    return [];
  }
  if (node.tagName === 'span' && classes.includes('dateline')) {
    const text = htmlTextOf(node);
    if (text && !fields.dateline) fields.dateline = datelineFromText(text);
    return [];
  }
  node.children = node.children.flatMap((child) => clean(child, fields));
  return [node];
}

/** An image association: the largest rendition with a URL, caption and credit. */
function readImage(association: unknown): ArticleImage | undefined {
  if (!isEntry(association) || association.type !== 'image') return undefined;
  const renditions: ImageRendition[] = (Array.isArray(association.renditions) ? association.renditions : []).flatMap((rendition) => {
    if (!isEntry(rendition) || typeof rendition.url !== 'string' || !/^https?:\/\//.test(rendition.url)) return [];
    const width = Number(rendition.width);
    const height = Number(rendition.height);
    return [
      {
        src: rendition.url,
        width: positive(width),
        height: positive(height),
        mediaType: typeof rendition.mimetype === 'string' ? rendition.mimetype : 'image/jpeg',
      },
    ];
  });
  const best = [...renditions].sort((a, b) => b.width * b.height - a.width * a.height)[0];
  if (!best) return undefined;
  const image: ArticleImage = { src: best.src, mediaType: best.mediaType };
  if (best.width && best.height) Object.assign(image, { width: best.width, height: best.height });
  const sized = renditions.filter((rendition) => rendition.width && rendition.height);
  if (sized.length > 1) image.renditions = sized;
  if (typeof association.caption === 'string' && association.caption.trim())
    Object.assign(image, withoutEmpty(splitCredit(association.caption.trim())));
  if (typeof association.creditline === 'string' && association.creditline.trim()) image.credit = association.creditline.trim();
  if (typeof association.headline === 'string' && association.headline.trim()) image.alt = association.headline.trim();
  return image;
}

function withoutEmpty(value: { caption?: string | undefined; credit?: string | undefined }): Partial<ArticleImage> {
  const result: Partial<ArticleImage> = {};
  if (value.caption) result.caption = value.caption;
  if (value.credit) result.credit = value.credit;
  return result;
}

function htmlText(html: string): string {
  return htmlTextOf(fromHtml(html, { fragment: true }) as HastRoot) ?? '';
}

/** Text of hast, blocks apart. */
function htmlTextOf(node: HastRoot | Element): string | undefined {
  let value = '';
  const walk = (current: HastRoot | ElementContent) => {
    if (current.type === 'text') value += current.value;
    else if (current.type === 'element' || current.type === 'root') {
      const block = current.type === 'element' && /^(p|li|h\d|div|section|ul|ol|header)$/.test(current.tagName);
      if (block) value += ' ';
      for (const child of current.children) walk(child as ElementContent);
      if (block) value += ' ';
    }
  };
  walk(node);
  return value.replace(/\s+/g, ' ').trim() || undefined;
}

/** A positive number, else 0 (missing sizes are `NaN`, which `Math.max` would keep). */
function positive(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}

function isEntry(value: unknown): value is Entry {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pointAt(text: string, offset: number): Point {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}
