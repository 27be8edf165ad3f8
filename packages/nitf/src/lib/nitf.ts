import type { ArticleFields, ArticleImage, IngestContext, IngestResult } from '@syndikit/core';
import { normalizeDate, report, splitCredit } from '@syndikit/core';
import { agencyName, matchDateline, parseByline } from '@syndikit/wire';
import { attribute, descendants, element, elements, parseSafeXml, path, reportXmlProblems, rootElement, text } from '@syndikit/xml';
import type { Root } from 'mdast';
import type { Point } from 'unist';
import type { Element } from 'xast';
import { nitfToBody, readMedia } from './body.js';
import { explainNitf } from './explain.js';
import { nitfRules } from './rules.js';

/** Options for {@link nitfIngester}. */
export interface NitfIngestOptions {
  /** Deepest element nesting accepted. Default `256`. */
  maxDepth?: number | null;
}

/** What reading a NITF document gives: an article, and the desk's notes kept apart from it. */
export interface NitfReadResult extends IngestResult {
  /** `ed-msg` texts: for the desk, never published (the article's `notes` are). */
  editorNotes: string[];
}

/** Parse `context.text` safely and read it as NITF; problems are reported on `context.file`. */
export function ingestNitf(context: IngestContext, maxDepth = 256): NitfReadResult | undefined {
  const { tree, problems } = parseSafeXml(context.text, { maxDepth, encoding: context.file.data.encoding });
  reportXmlProblems(context.file, problems);
  const root = tree ? rootElement(tree) : undefined;
  if (!root) return undefined;
  if (root.name.replace(/^.*:/, '') !== 'nitf') {
    report(
      context.file,
      'error',
      `Expected a NITF document (root <nitf>) but found <${root.name}>`,
      nitfRules.notNitf,
      root.position?.start,
    );
    return undefined;
  }
  return readNitf(root, context);
}

/**
 * Read a parsed `<nitf>` element: head (title, docdata, key-list), body.head
 * (hedline, byline, dateline, abstract, distributor), body.content (the
 * body, with `media` as figures) and body.end (tagline, as a note).
 */
export function readNitf(nitf: Element, context: Pick<IngestContext, 'file' | 'timeZone'>): NitfReadResult {
  const { file } = context;
  const fields: ArticleFields = { authors: [], tags: [], images: [] };
  const head = element(nitf, 'head');
  const docdata = element(head, 'docdata');
  const bodyHead = path(nitf, 'body', 'body.head');
  const bodyContent = path(nitf, 'body', 'body.content');
  const bodyEnd = path(nitf, 'body', 'body.end');

  // The order of the phases is the order of the messages: keep it.
  readTitles(nitf, head, docdata, bodyHead, fields);
  readDates(nitf, docdata, bodyHead, context, fields);
  readRights(docdata, bodyHead, fields);
  const editorNotes = readEditorMessages(docdata, file);
  readTags(nitf, head, docdata, fields);
  readByline(element(bodyHead, 'byline'), fields);
  const dateline = element(bodyHead, 'dateline');
  if (dateline) {
    const place = text(element(dateline, 'location')) ?? text(dateline)?.replace(/,?\s*$/, '');
    if (place) fields.dateline = { place };
  }
  const abstract = text(element(bodyHead, 'abstract'));
  if (abstract) fields.summary = abstract;

  const body = readBodyContent(bodyContent, file, fields);
  openingDateline(body, fields);
  const tagline = text(element(bodyEnd, 'tagline'));
  if (tagline) fields.notes = [tagline];
  checkBodyAndHeadline(nitf, bodyContent, body, file, fields);
  explainNitf(nitf, fields, body, file);
  return { fields, body, slugHint: fields.headline ?? '', editorNotes };
}

/** Headline (hl1, else the head's title), subheadline, id and language. */
function readTitles(
  nitf: Element,
  head: Element | undefined,
  docdata: Element | undefined,
  bodyHead: Element | undefined,
  fields: ArticleFields,
): void {
  const hedline = element(bodyHead, 'hedline');
  const headline = text(element(hedline, 'hl1')) ?? text(element(head, 'title'));
  if (headline) fields.headline = headline;
  const sub = text(element(hedline, 'hl2'));
  if (sub) fields.subheadline = sub;
  const id = attribute(element(docdata, 'doc-id'), 'id-string');
  if (id) fields.id = id;
  const language = attribute(nitf, 'lang') ?? attribute(head, 'lang') ?? attribute(element(nitf, 'body'), 'lang');
  if (language) fields.language = language;
}

/** Published from the release, issue or story date (`norm` attributes); a release after the issue is the embargo. */
function readDates(
  nitf: Element,
  docdata: Element | undefined,
  bodyHead: Element | undefined,
  context: Pick<IngestContext, 'file' | 'timeZone'>,
  fields: ArticleFields,
): void {
  const date = (node: Element | undefined): string | undefined => {
    const norm = attribute(node, 'norm');
    if (!norm || !node) return undefined;
    const normalized = normalizeDate(extendedDate(norm), context.timeZone);
    if (typeof normalized === 'string') return normalized;
    report(context.file, 'warning', `${normalized.error} (${node.name} norm="${norm}")`, nitfRules.date, node.position?.start);
    return undefined;
  };
  const issued = date(element(docdata, 'date.issue'));
  const released = date(element(docdata, 'date.release'));
  const storyDate = date(descendants(bodyHead ?? nitf, 'story.date')[0]);
  const published = released ?? issued ?? storyDate;
  if (published) fields.published = published;
  // A release date in the future of the issue date is the embargo NITF can express.
  if (released && issued && released > issued) fields.embargoed = released;
}

/** Copyright from doc.copyright; source from the distributor, else the copyright holder. */
function readRights(docdata: Element | undefined, bodyHead: Element | undefined, fields: ArticleFields): void {
  const copyright = element(docdata, 'doc.copyright');
  const holder = attribute(copyright, 'holder');
  const year = attribute(copyright, 'year');
  if (holder) fields.copyright = `© ${year ? `${year} ` : ''}${holder}`;
  const distributor = text(element(bodyHead, 'distributor'));
  if (distributor) fields.source = distributor;
  else if (holder) fields.source = holder;
}

/** `ed-msg`: for the desk, never published; each reported as info. */
function readEditorMessages(docdata: Element | undefined, file: IngestContext['file']): string[] {
  const editorNotes: string[] = [];
  for (const message of elements(docdata, 'ed-msg')) {
    const info = attribute(message, 'info') ?? text(message);
    if (info) {
      editorNotes.push(info);
      report(file, 'info', 'Editorial message (`ed-msg`) kept for the desk, not published', nitfRules.editorNote, message.position?.start);
    }
  }
  return editorNotes;
}

/** Tags from the key-list keywords and the subject codes (each once); section from pubdata. */
function readTags(nitf: Element, head: Element | undefined, docdata: Element | undefined, fields: ArticleFields): void {
  for (const keyword of descendants(element(docdata, 'key-list') ?? { type: 'root', children: [] }, 'keyword')) {
    const key = attribute(keyword, 'key');
    if (key && !fields.tags.includes(key)) fields.tags.push(key);
  }
  const subjects = descendants(head ?? nitf, 'tobject.subject');
  for (const subject of subjects) {
    const name =
      attribute(subject, 'tobject.subject.detail') ??
      attribute(subject, 'tobject.subject.matter') ??
      attribute(subject, 'tobject.subject.type');
    if (name && !fields.tags.includes(name)) fields.tags.push(name);
  }
  const section = attribute(path(head, 'pubdata'), 'position.section');
  if (section) fields.section = section;
}

/** body.content as the body, and its `media` elements as the article's images. */
function readBodyContent(bodyContent: Element | undefined, file: IngestContext['file'], fields: ArticleFields): Root {
  const reportBody = (reason: string, place: { start: Point } | undefined) =>
    report(file, 'warning', `Body: ${reason}`, nitfRules.bodyUnsafe, place?.start);
  const body: Root = bodyContent ? nitfToBody(bodyContent, reportBody) : { type: 'root', children: [] };
  for (const media of bodyContent ? descendants(bodyContent, 'media') : []) {
    const found = readMedia(media);
    if (!found) {
      // Video and audio without a source are not worth a warning: they were never going to be images.
      if (!/video|audio/i.test(attribute(media, 'media-type') ?? ''))
        report(file, 'warning', 'A media element has no http(s) source; it is left out', nitfRules.mediaNoSource, media.position?.start);
      continue;
    }
    const image: ArticleImage = { ...found };
    if (image.caption && !image.credit) Object.assign(image, splitCredit(image.caption));
    fields.images.push(image);
  }
  return body;
}

/** Warn about an empty body; without a headline, the first paragraph stands in. */
function checkBodyAndHeadline(
  nitf: Element,
  bodyContent: Element | undefined,
  body: Root,
  file: IngestContext['file'],
  fields: ArticleFields,
): void {
  if (body.children.length === 0)
    report(file, 'warning', 'The document has no body text', nitfRules.noBody, (bodyContent ?? nitf).position?.start);
  if (fields.headline) return;
  const first = text(bodyContent ? element(bodyContent, 'p') : undefined);
  if (first) fields.headline = first.length > 100 ? `${first.slice(0, 97)}...` : first;
  report(
    file,
    'warning',
    first ? 'No hedline or title: the first paragraph is used as the headline' : 'The document has no headline',
    nitfRules.noHeadline,
    nitf.position?.start,
  );
}

/** `By <person>Jane Doe</person>, <byttl>AP Writer</byttl>`: the people, without the title. */
function readByline(byline: Element | undefined, fields: ArticleFields): void {
  if (!byline) return;
  const persons = descendants(byline, 'person')
    .map((person) => text(person))
    .filter((name): name is string => Boolean(name));
  if (persons.length > 0) {
    fields.authors = persons.map((name) => ({ name }));
    return;
  }
  const withoutTitle = byline.children.filter((child) => !(child.type === 'element' && /(^|:)byttl$/.test(child.name)));
  const value = text({ ...byline, children: withoutTitle })?.replace(/[,;]\s*$/, '');
  if (!value) return;
  const parsed = parseByline(value);
  fields.authors = parsed?.authors ?? [{ name: value.replace(/^(by|von)\s+/i, '') }];
  if (parsed?.source && !fields.source) fields.source = parsed.source;
}

/** A dateline opening the first paragraph (`BERLIN (AP) — …`) is metadata, as in wire text. */
export function openingDateline(body: Root, fields: ArticleFields): void {
  const first = body.children[0];
  if (first?.type !== 'paragraph' || first.children[0]?.type !== 'text') return;
  const dateline = matchDateline(first.children[0].value);
  if (!dateline?.rest) return;
  first.children[0].value = dateline.rest;
  fields.dateline = { place: fields.dateline?.place ?? dateline.place, agency: dateline.agency };
  if (!fields.source) fields.source = agencyName(dateline.agency);
}

/** NITF's basic ISO 8601 (`20260302T101500+0100`, `20260302`) in the extended form the core reads. */
export function extendedDate(value: string): string {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  if (!match) return value.trim();
  const [, y, mo, d, hh, mm, ss, zone] = match;
  if (!hh) return `${y}-${mo}-${d}`;
  const offset = zone ? (zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`) : '';
  return `${y}-${mo}-${d}T${hh}:${mm}:${ss ?? '00'}${offset}`;
}
