import type {
  ArticleFields,
  ArticleImage,
  ImageRendition,
  IngestContext,
  IngestResult,
  PublicationStatus,
  Rule,
  Subject,
} from '@syndikit/core';
import { checkUrl, rules as coreRules, normalizeDate, report, reportedRule, splitCredit, splitList } from '@syndikit/core';
import { articleSchema, estimateHtmlDepth, htmlRules, reportUnsafe } from '@syndikit/html';
import { agencyName, jsonDepth, type LocatedJson, matchDateline, parseByline, parseLocatedJson } from '@syndikit/wire';
import type { Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize } from 'hast-util-sanitize';
import { toMdast } from 'hast-util-to-mdast';
import { findNodeAtLocation, type JSONPath } from 'jsonc-parser';
import type { Paragraph, Root, RootContent } from 'mdast';
import type { Point } from 'unist';
import { figureHandle } from './figure.js';
import { defaultMaxPictures } from './ingester.js';
import { ninjsRules } from './rules.js';
import { detectNinjsVersion, type NinjsVersion } from './version.js';

type Item = Record<string, unknown>;

/**
 * Read a ninjs document into article fields and a body. Size (the core's
 * `limits.maxBytes`) and depth are checked before parsing; the version is
 * told by shape; HTML bodies are parsed to a tree and sanitised, never
 * passed through; wrong types are errors at their line and column.
 */
export function ingestNinjs(context: IngestContext, maxDepth: number, maxPictures = defaultMaxPictures): IngestResult | undefined {
  const { file } = context;
  const depth = jsonDepth(context.text, maxDepth);
  if (depth.offset !== undefined) {
    const point = offsetPoint(context.text, depth.offset);
    report(file, 'error', `JSON nests more than ${maxDepth} levels deep`, ninjsRules.tooDeep, point);
    return undefined;
  }
  const parsed = parseLocatedJson(context.text);
  if ('errors' in parsed) {
    for (const error of parsed.errors) report(file, 'error', error.message, ninjsRules.syntax, error.point);
    return undefined;
  }
  if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
    report(file, 'error', 'A ninjs document must be a JSON object', ninjsRules.type, { line: 1, column: 1 });
    return undefined;
  }
  const item = parsed.value as Item;
  const version = detectNinjsVersion(item);
  report(file, 'info', `Read as ninjs ${version}.x`, ninjsRules.version, { line: 1, column: 1 });
  const reader = new NinjsReader(item, version, parsed, context, maxPictures);
  const result = reader.read();
  return reader.failed ? undefined : result;
}

/** Reads one ninjs item; every problem is reported at the JSON value it is about. */
class NinjsReader {
  failed = false;

  constructor(
    private readonly item: Item,
    private readonly version: NinjsVersion,
    private readonly json: LocatedJson,
    private readonly context: IngestContext,
    private readonly maxPictures: number,
  ) {}

  read(): IngestResult | undefined {
    const fields: ArticleFields = { authors: [], tags: [], images: [] };
    // The order of the phases is the order of the messages: keep it.
    this.readTitles(fields);
    const uri = this.string(['uri']);
    if (uri) fields.id = uri;
    const slugline = this.string(['slugline']);
    this.readCredits(fields);
    // A note to editors, for the desk: the article's editorNotes, never published (its `notes` are printed).
    const edNote = this.string(['ednote']);
    this.readDates(fields);
    this.readTags(fields);

    const body = this.body(fields);
    const located = this.string(['located']);
    if (located && !fields.dateline) fields.dateline = { place: located };

    // A picture item, or any item with image renditions of its own (a logo, a photo-only item).
    if (this.type() === 'picture' || this.type() === 'graphic' || this.get(['renditions']) !== undefined) {
      const own = this.image(this.item, []);
      if (own) fields.images.push(own);
    }
    this.readAssociatedPictures(fields);
    if (!fields.headline) this.guessHeadline(fields, body, slugline, uri);
    return { fields, body, slugHint: slugline ?? fields.headline ?? '', ...(edNote ? { editorNotes: [edNote] } : {}) };
  }

  /** Headline (main role, else the first, else `title`), subheadline and, for text items, the summary. */
  private readTitles(fields: ArticleFields): void {
    const headlines = this.texts('headlines', 'headline');
    const headline =
      headlines.find((entry) => !entry.role || /^(main|headline)$/i.test(entry.role))?.value ??
      headlines[0]?.value ??
      this.string(['title']);
    if (headline) fields.headline = headline;
    const sub = headlines.find((entry) => entry.role && /^(sub|subheadline|subtitle|deck|kicker)$/i.test(entry.role))?.value;
    if (sub) fields.subheadline = sub;
    const descriptions = this.texts('descriptions', 'description_text');
    const summary = descriptions.find((entry) => !entry.role || /^(summary|abstract|description|teaser|lead)$/i.test(entry.role));
    if (summary && this.type() === 'text') fields.summary = summary.value;
  }

  /** Byline, language, copyright and source, and status. */
  private readCredits(fields: ArticleFields): void {
    const by = this.string(['by']) ?? this.string(['byline']);
    if (by) {
      const byline = parseByline(by);
      fields.authors = byline?.authors ?? [{ name: by }];
      if (byline?.source) fields.source = byline.source;
    }
    this.readProfiles(fields);
    const language = this.string(['language']);
    if (language) fields.language = language;
    const copyright = this.string(['copyrightnotice']) ?? this.string(['copyrightholder']);
    if (copyright) fields.copyright = copyright;
    const holder = this.string(['copyrightholder']);
    if (holder && !fields.source) fields.source = holder;
    // The party that supplied the story: the originator among the info sources, else the first.
    const sources = this.list('infosources');
    const supplier = sources.find((entry) => /originat/i.test(String(caseless(entry, 'role') ?? ''))) ?? sources[0];
    const supplierName = supplier ? caseless(supplier, 'name') : undefined;
    if (typeof supplierName === 'string' && supplierName.trim() && !fields.source) fields.source = supplierName.trim();
    const status = this.string(['pubstatus']);
    if (status) {
      if (['usable', 'withheld', 'canceled'].includes(status.toLowerCase())) fields.status = status.toLowerCase() as PublicationStatus;
      else this.problem(['pubstatus'], `Expected pubstatus usable, withheld or canceled but received ${JSON.stringify(status)}`, 'warning');
    }
  }

  /**
   * Authors' profile pages: the http(s) `uri` of the person or organisation
   * that `by` names, listed as its author (`rel: author`) or without a
   * relation; people the story is about (`rel: about`) are not its authors.
   */
  private readProfiles(fields: ArticleFields): void {
    const profiles = new Map<string, string>();
    for (const party of [...this.list('people'), ...this.list('organisations')]) {
      const name = caseless(party, 'name');
      const uri = caseless(party, 'uri');
      const rel = caseless(party, 'rel');
      if (typeof name !== 'string' || typeof uri !== 'string' || (rel !== undefined && !/author|creator|byline/i.test(String(rel))))
        continue;
      const checked = /^\s*https?:/i.test(uri) ? checkUrl(uri) : undefined;
      if (checked && 'url' in checked) profiles.set(name.trim(), checked.url);
    }
    fields.authors = fields.authors.map((author) => {
      const url = profiles.get(author.name);
      return url && !author.url ? { ...author, url } : author;
    });
  }

  /** Published (first created, else content created, else version created), updated and embargo. */
  private readDates(fields: ArticleFields): void {
    const published = this.date('firstcreated') ?? this.date('contentcreated') ?? this.date('versioncreated');
    const modified = this.date('versioncreated');
    if (published) fields.published = published;
    if (modified && modified !== published) fields.updated = modified;
    const embargo = this.date('embargoeduntil') ?? this.date('embargoed');
    if (embargo) fields.embargoed = embargo;
  }

  /** Keywords (a list or a comma-separated string) and subject names, each once. */
  private readTags(fields: ArticleFields): void {
    const keywords = this.get(['keywords']);
    if (Array.isArray(keywords)) fields.tags.push(...keywords.filter((word): word is string => typeof word === 'string'));
    else if (typeof keywords === 'string') fields.tags.push(...splitList(keywords));
    const subjects: Subject[] = [];
    for (const subject of this.list(this.version === '1' ? 'subject' : 'subjects')) {
      const raw = caseless(subject, 'name');
      if (typeof raw !== 'string' || !raw.trim()) continue;
      const name = raw.trim();
      // The subject syndikit writes for its section (`rel: section`) is the section again, not a tag.
      if (!fields.section && caseless(subject, 'rel') === 'section') fields.section = name;
      else fields.tags.push(name);
      const identified = subjectIds(subject, name);
      if (identified) subjects.push(identified);
    }
    fields.tags = [...new Set(fields.tags)];
    if (subjects.length > 0) fields.subjects = subjects;
  }

  /** Picture and graphic associations (a list or an object by key), up to `maxPictures`, each once by its address. */
  private readAssociatedPictures(fields: ArticleFields): void {
    const associations = this.get(['associations']);
    const associated: Array<[Item, JSONPath]> = Array.isArray(associations)
      ? associations.flatMap((entry, index): Array<[Item, JSONPath]> => (isItem(entry) ? [[entry, ['associations', index]]] : []))
      : isItem(associations)
        ? Object.entries(associations).flatMap(
            ([key, entry]): Array<[Item, JSONPath]> => (isItem(entry) ? [[entry, ['associations', key]]] : []),
          )
        : [];
    // De-duplicated by URL through a set: a scan of the list per picture is quadratic in the count.
    const seen = new Set(fields.images.map((known) => known.src));
    let pictures = 0;
    for (const [association, path] of associated) {
      const type = caseless(association, 'type');
      if (type !== 'picture' && type !== 'graphic') continue;
      if (++pictures > this.maxPictures) {
        this.problem(
          path,
          `Item has more than ${this.maxPictures} picture associations; the rest are left out`,
          'warning',
          ninjsRules.associationsTooMany,
        );
        break;
      }
      const image = this.image(association, path);
      if (image && !seen.has(image.src)) {
        seen.add(image.src);
        fields.images.push(image);
      }
    }
  }

  /** Items without headlines (pictures, renditions-only examples): the best text there is, with a warning. */
  private guessHeadline(fields: ArticleFields, body: Root, slugline: string | undefined, uri: string | undefined): void {
    const caption = fields.images[0]?.caption;
    const first = body.children[0];
    const firstText = first?.type === 'paragraph' && first.children[0]?.type === 'text' ? first.children[0].value : undefined;
    const sentence =
      firstText && /\p{L}/u.test(firstText) ? (/^(.{10,120}?[.!?])(\s|$)/u.exec(firstText)?.[1] ?? firstText.slice(0, 120)) : undefined;
    const fromUri = uri
      ?.split(/[/#?]/)
      .filter((part) => /\p{L}/u.test(part))
      .pop()
      ?.replace(/[-_]+/g, ' ');
    const [source, value] =
      (
        [
          ['title', this.string(['title'])],
          ['slugline', slugline],
          ['caption', caption],
          ['first sentence', sentence],
          ['uri', fromUri],
        ] as const
      ).find(([, text]) => Boolean(text)) ?? [];
    if (!value || !source) return;
    fields.headline = value;
    report(
      this.context.file,
      'warning',
      `No headline: using the ${source}, "${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`,
      ninjsRules.headlineGuessed,
      { line: 1, column: 1 },
    );
  }

  private type(): string {
    return String(this.get(['type']) ?? 'text').toLowerCase();
  }

  /** A body: HTML preferred (parsed, sanitised, made mdast), else plain text as paragraphs. */
  private body(fields: ArticleFields): Root {
    const candidates: Array<{ value: string; html: boolean; path: JSONPath }> = [];
    if (this.version === '1') {
      for (const [key, html] of [
        ['body_html', true],
        ['body_xhtml', true],
        ['body_text', false],
      ] as const) {
        const value = this.string([key]);
        if (value) candidates.push({ value, html, path: [this.key(key)] });
      }
    } else {
      this.list('bodies').forEach((entry, index) => {
        const value = caseless(entry, 'value');
        const type = String(caseless(entry, 'contenttype') ?? '');
        const role = String(caseless(entry, 'role') ?? '');
        if (typeof value !== 'string') {
          this.problem([this.key('bodies'), index, 'value'], `Expected a string for bodies[${index}].value but received ${typeof value}`);
          return;
        }
        candidates.push({
          value,
          html: /html|xml/i.test(type) || /^(html|richtext|xhtml)$/i.test(role),
          path: [this.key('bodies'), index, 'value'],
        });
      });
    }
    const chosen = candidates.find((candidate) => candidate.html) ?? candidates[0];
    if (!chosen) return { type: 'root', children: [] };
    const tree = chosen.html ? this.htmlBody(chosen.value, chosen.path) : textBody(chosen.value);
    // A dateline opening the first paragraph is metadata, as in wire text.
    const first = tree.children[0];
    if (first?.type === 'paragraph' && first.children[0]?.type === 'text') {
      const dateline = matchDateline(first.children[0].value);
      if (dateline?.rest) {
        fields.dateline = { place: dateline.place, agency: dateline.agency };
        first.children[0].value = dateline.rest;
        if (!fields.source) fields.source = agencyName(dateline.agency);
      }
    }
    return tree;
  }

  private htmlBody(html: string, path: JSONPath): Root {
    const place = this.place(path);
    if (estimateHtmlDepth(html) > 256) {
      this.problem(path, 'The HTML body nests more than 256 elements deep', 'error', htmlRules.tooDeep);
      return { type: 'root', children: [] };
    }
    const hast = fromHtml(html, { fragment: true }) as HastRoot;
    reportUnsafe(hast, articleSchema, (reason, options) =>
      report(this.context.file, 'warning', `Body: ${reason}`, reportedRule(options), place),
    );
    const clean = sanitize(hast, articleSchema) as HastRoot;
    const mdast = toMdast(clean, { handlers: { figure: figureHandle } }) as Root;
    stripPositions(mdast);
    return mdast;
  }

  /** An image from a picture item: the best rendition with an http(s) href, with caption and credit. */
  private image(item: Item, path: JSONPath): ArticleImage | undefined {
    const { listed, usable } = this.renditions(item, path);
    if (usable.length === 0) {
      if (listed > 0)
        this.problem(
          [...path, this.keyIn(item, 'renditions')],
          'No rendition of this picture has an http(s) href; it is left out',
          'warning',
          ninjsRules.imageNoHref,
        );
      return undefined;
    }
    const best = [...usable].sort((a, b) => b.width * b.height - a.width * a.height)[0] as ImageRendition;
    const image: ArticleImage = { src: best.src, mediaType: best.mediaType };
    if (best.width && best.height) {
      image.width = best.width;
      image.height = best.height;
    }
    if (best.bytes) image.bytes = best.bytes;
    const sized = usable.filter((rendition) => rendition.width > 0 && rendition.height > 0);
    if (sized.length > 1) image.renditions = sized;
    describeImage(item, image);
    return image;
  }

  /**
   * A picture item's image renditions with a usable http(s) href (a refused
   * absolute href is an error at its place), else its `uri` when that names
   * an image file; `listed` counts the renditions given at all.
   */
  private renditions(item: Item, path: JSONPath): { listed: number; usable: ImageRendition[] } {
    const renditions = caseless(item, 'renditions');
    const renditionsKey = this.keyIn(item, 'renditions');
    const list: Array<[string | number, Item]> = Array.isArray(renditions)
      ? renditions.flatMap((entry, index): Array<[number, Item]> => (isItem(entry) ? [[index, entry]] : []))
      : isItem(renditions)
        ? Object.entries(renditions).flatMap(([name, entry]): Array<[string, Item]> => (isItem(entry) ? [[name, entry]] : []))
        : [];
    const usable: ImageRendition[] = [];
    for (const [key, rendition] of list) {
      const rawHref = caseless(rendition, 'href');
      if (typeof rawHref !== 'string') continue;
      const checked = checkUrl(rawHref);
      if ('error' in checked) {
        // A relative href (a file name beside the item) is not hostile, only unusable here; anything
        // with a scheme or a //host that the URL policy refuses is an error at its place.
        if (/^\s*([a-z][a-z0-9+.-]*:|[/\\]{2})/i.test(rawHref)) {
          this.problem(
            [...path, renditionsKey, key, this.keyIn(rendition, 'href')],
            `Rendition href: ${checked.error}`,
            'error',
            coreRules.urlInvalid,
          );
        }
        continue;
      }
      const entry = renditionEntry(rendition, checked.url);
      if (entry) usable.push(entry);
    }
    // An association may name its picture only by uri (renditions without href).
    const uri = caseless(item, 'uri');
    const uriUrl = typeof uri === 'string' ? checkUrl(uri) : undefined;
    if (usable.length === 0 && uriUrl && 'url' in uriUrl && /^https?:\/\/.+\.(jpe?g|png|gif|webp|avif)(\?.*)?$/i.test(uriUrl.url)) {
      const extension = /\.(\w+)(\?.*)?$/.exec(uriUrl.url)?.[1]?.toLowerCase() ?? 'jpeg';
      usable.push({ src: uriUrl.url, width: 0, height: 0, mediaType: `image/${extension === 'jpg' ? 'jpeg' : extension}` });
    }
    return { listed: list.length, usable };
  }

  /** Headlines or descriptions as `{ role, value }`, from the array (2.x, 3.x) or the 1.x string. */
  private texts(arrayKey: string, singleKey: string): Array<{ role?: string; value: string }> {
    const single = this.string([singleKey]);
    if (this.version === '1' && single) return [{ value: single }];
    const found: Array<{ role?: string; value: string }> = [];
    const list = this.get([arrayKey]);
    if (list === undefined) return found;
    if (!Array.isArray(list)) {
      this.problem([this.key(arrayKey)], `Expected an array for ${arrayKey} but received ${typeof list}`);
      return found;
    }
    list.forEach((entry, index) => {
      const value = isItem(entry) ? caseless(entry, 'value') : undefined;
      if (typeof value !== 'string') {
        this.problem([this.key(arrayKey), index], `Expected ${arrayKey}[${index}] to be an object with a string value`);
        return;
      }
      const role = isItem(entry) ? caseless(entry, 'role') : undefined;
      found.push(typeof role === 'string' ? { role, value: value.trim() } : { value: value.trim() });
    });
    return found;
  }

  private list(key: string): Item[] {
    const value = this.get([key]);
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.problem([this.key(key)], `Expected an array for ${key} but received ${typeof value}`);
      return [];
    }
    return value.filter(isItem);
  }

  private string(path: [string]): string | undefined {
    const value = this.get(path);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') {
      this.problem(
        [this.key(path[0])],
        `Expected a string for ${path[0]} but received ${JSON.stringify(value)?.slice(0, 40)} of type ${typeof value}`,
      );
      return undefined;
    }
    return value.trim() || undefined;
  }

  private date(key: string): string | undefined {
    const value = this.string([key]);
    if (!value) return undefined;
    const normalized = normalizeDate(value, this.context.timeZone);
    if (typeof normalized === 'string') return normalized;
    this.problem([this.key(key)], normalized.error, 'error', coreRules.dateInvalid);
    return undefined;
  }

  private get(path: [string]): unknown {
    return caseless(this.item, path[0]);
  }

  /** The key as spelled in the document (`versionCreated` or `versioncreated`). */
  private key(name: string): string {
    return this.keyIn(this.item, name);
  }

  private keyIn(item: Item, name: string): string {
    return Object.keys(item).find((key) => key.toLowerCase() === name.toLowerCase()) ?? name;
  }

  private place(path: JSONPath): Point {
    const node = findNodeAtLocation(this.json.root, path);
    return this.json.pointAt(node?.offset ?? 0);
  }

  private problem(path: JSONPath, reason: string, severity: 'error' | 'warning' = 'error', rule: Rule = ninjsRules.type): void {
    report(this.context.file, severity, reason, rule, this.place(path));
    if (severity === 'error') this.failed = true;
  }
}

function isItem(value: unknown): value is Item {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A property read without regard to case: ninjs 3 writes `versionCreated`, 2 `versioncreated`. */
function caseless(item: Item, name: string): unknown {
  if (name in item) return item[name];
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(item)) if (key.toLowerCase() === lower) return value;
  return undefined;
}

/** Plain text as paragraphs: split on blank lines, or on single line breaks when there are none. */
function textBody(text: string): Root {
  const blocks = /\n\s*\n/.test(text) ? text.split(/\n\s*\n/) : text.split(/\n/);
  const children: RootContent[] = blocks
    .map((block) => block.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((block): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value: block }] }));
  return { type: 'root', children };
}

/** Positions from the HTML string would point into the wrong file. */
function stripPositions(tree: Root): void {
  const stack: Array<{ position?: unknown; children?: unknown[] }> = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as { position?: unknown; children?: Array<{ position?: unknown; children?: unknown[] }> };
    delete node.position;
    if (node.children) stack.push(...node.children);
  }
}

function offsetPoint(text: string, offset: number): Point {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** One rendition at `href`: its size, media type and bytes; undefined when it is not an image. */
function renditionEntry(rendition: Item, href: string): ImageRendition | undefined {
  const width = Number(caseless(rendition, 'width'));
  const height = Number(caseless(rendition, 'height'));
  const mediaType = String(caseless(rendition, 'contenttype') ?? caseless(rendition, 'mimetype') ?? 'image/jpeg');
  if (!mediaType.startsWith('image/')) return undefined;
  const entry: ImageRendition = {
    src: href,
    width: Number.isInteger(width) && width > 0 ? width : 0,
    height: Number.isInteger(height) && height > 0 ? height : 0,
    mediaType,
  };
  const bytes = Number(caseless(rendition, 'sizeinbytes'));
  if (Number.isInteger(bytes) && bytes > 0) entry.bytes = bytes;
  return entry;
}

/** A subject's `uri` (an absolute URI) and `literal`, when it has either. */
function subjectIds(subject: Item, name: string): Subject | undefined {
  const uri = caseless(subject, 'uri');
  const literal = caseless(subject, 'literal');
  const identified: Subject = { name };
  if (typeof uri === 'string' && /^[a-z][a-z0-9+.-]*:\S+$/i.test(uri.trim())) identified.uri = uri.trim();
  if (typeof literal === 'string' && literal.trim()) identified.literal = literal.trim();
  return identified.uri || identified.literal ? identified : undefined;
}

/**
 * Caption, credit, creator and alt text of a picture item: the caption from
 * a caption role (else an unroled description), the credit line from a
 * credit role (`creditline`, as AP sends it) else the byline, the creator
 * from `by`, the alt text from an `alttext` role (as syndikit writes it)
 * else the first headline.
 */
function describeImage(item: Item, image: ArticleImage): void {
  const descriptions = caseless(item, 'descriptions');
  const texts = Array.isArray(descriptions) ? descriptions.filter(isItem) : [];
  const captionText =
    texts.find((entry) => /caption/i.test(String(caseless(entry, 'role') ?? '')))?.value ??
    texts.find((entry) => !caseless(entry, 'role'))?.value ??
    caseless(item, 'description_text');
  const creditText =
    texts.find((entry) => /credit/i.test(String(caseless(entry, 'role') ?? '')))?.value ?? caseless(item, 'by') ?? caseless(item, 'byline');
  if (typeof captionText === 'string' && captionText.trim()) {
    const split = splitCredit(captionText);
    if (split.caption) image.caption = split.caption;
    if (split.credit) image.credit = split.credit;
  }
  if (!image.credit && typeof creditText === 'string' && creditText.trim()) image.credit = creditText.trim();
  const by = caseless(item, 'by') ?? caseless(item, 'byline');
  if (typeof by === 'string' && by.trim()) image.creator = by.trim();
  const alt = texts.find((entry) => /^alt/i.test(String(caseless(entry, 'role') ?? '')))?.value;
  const headline = caseless(item, 'headlines');
  if (typeof alt === 'string' && alt.trim()) image.alt = alt.trim();
  else if (Array.isArray(headline) && isItem(headline[0]) && typeof headline[0].value === 'string') image.alt = headline[0].value;
}
