/**
 * One NewsML-G2 `newsItem` into article fields and a body. Each field has
 * one small reader; problems are reported at the element they are about.
 */
import type { ArticleFields, ArticleImage, Author, ImageRendition, PublicationStatus } from '@syndikit/core';
import { normalizeDate, report, resolveImageRef, splitCredit } from '@syndikit/core';
import { agencyName, parseByline } from '@syndikit/wire';
import { attribute, element, elements, text } from '@syndikit/xml';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Element } from 'xast';
import { readBody } from './body.js';
import { datelineFromText } from './dateline.js';
import { explainItem } from './explain.js';
import { newsmlG2Rules } from './rules.js';

/** An article read from one news item, with what is kept apart from it. */
export interface G2Article {
  fields: ArticleFields;
  body: Root;
  slugHint: string;
  /** edNote texts and usage terms: for the desk, never published. */
  editorNotes: string[];
  /** The item's guid. */
  guid: string | undefined;
  /** `ninat:text`, `ninat:picture`… without the scheme. */
  itemClass: string;
  /** Where the item starts in the file. */
  line: number;
  column: number;
}

/** What reading an item needs from its surroundings. */
export interface ItemContext {
  file: VFile;
  timeZone: string;
  /** Picture items of the same message by guid, for `link residref`. */
  pictures: ReadonlyMap<string, Element>;
  /** The file's path relative to the content root, POSIX: relative rendition hrefs resolve against it. */
  articlePath: string;
}

const statuses: readonly PublicationStatus[] = ['usable', 'withheld', 'canceled'];

/** Read one `newsItem`. */
export function readNewsItem(item: Element, context: ItemContext): G2Article {
  const { file } = context;
  const itemMeta = element(item, 'itemMeta');
  const contentMeta = element(item, 'contentMeta');
  const fields: ArticleFields = { authors: [], tags: [], images: [] };
  const editorNotes: string[] = [];
  const itemClass = code(attribute(element(itemMeta, 'itemClass'), 'qcode')) ?? 'text';
  const language = attribute(item, 'lang') ?? attribute(element(contentMeta, 'language'), 'tag');
  const guid = attribute(item, 'guid');
  if (guid) fields.id = guid;
  if (language) fields.language = language;

  readHeadlines(contentMeta, language, fields);
  readDates(itemMeta, contentMeta, fields, context);
  readStatus(itemMeta, fields, file);
  readPeople(contentMeta, language, fields, itemClass);
  readDateline(contentMeta, language, fields);
  readSubjects(contentMeta, language, fields);
  readRights(item, itemMeta, contentMeta, language, fields, editorNotes, file);

  const summary = description(contentMeta, /teaser|summary|abstract|^$/);
  if (summary && itemClass === 'text') fields.summary = summary;

  readEditorNotes(itemMeta, editorNotes, file);

  const body = readBody(element(item, 'contentSet'), fields, {
    report: (reason, place) => report(file, 'warning', `Body: ${reason}`, newsmlG2Rules.bodyUnsafe, place?.start),
  });

  readMedia(item, itemClass, language, body, fields, context);

  if (signals(itemMeta).includes('correction')) fields.notes = [...(fields.notes ?? []), 'This is a corrected version of the story.'];
  if (!fields.headline) guessHeadline(item, fields, body, file);
  if (body.children.length === 0 && itemClass === 'text')
    report(file, 'warning', 'The item has no body text', newsmlG2Rules.noBody, (element(item, 'contentSet') ?? item).position?.start);

  explainItem(item, fields, body, file);
  const slugline = text(element(contentMeta, 'slugline'));
  const start = item.position?.start;
  return {
    fields,
    body,
    slugHint: slugline ?? fields.headline ?? '',
    editorNotes,
    guid,
    itemClass,
    line: start?.line ?? 1,
    column: start?.column ?? 1,
  };
}

/** `edNote`s: for the desk, never published; reported once as info. */
function readEditorNotes(itemMeta: Element | undefined, editorNotes: string[], file: ItemContext['file']): void {
  for (const note of elements(itemMeta, 'edNote')) {
    const value = text(note);
    if (value) editorNotes.push(value);
  }
  const firstNote = element(itemMeta, 'edNote');
  if (editorNotes.length > 0 && firstNote) {
    const count = elements(itemMeta, 'edNote').length;
    report(
      file,
      'info',
      `${count} editor's note${count === 1 ? '' : 's'} (edNote) kept for the desk, never published`,
      newsmlG2Rules.editorNote,
      firstNote.position?.start,
    );
  }
}

/**
 * A picture or graphic item is its own image (and its body, when it has no
 * text); video and audio renditions are not carried (said as info); linked
 * pictures become images, each once by its address.
 */
function readMedia(
  item: Element,
  itemClass: string,
  language: string | undefined,
  body: Root,
  fields: ArticleFields,
  context: ItemContext,
): void {
  const itemMeta = element(item, 'itemMeta');
  if (itemClass === 'picture' || itemClass === 'graphic') {
    const own = pictureImage(item, language, context.articlePath);
    if (own) {
      fields.images.push(own);
      if (body.children.length === 0)
        body.children.push({ type: 'figure', url: own.src, ...pick(own, ['alt', 'caption', 'credit', 'width', 'height']) });
    }
  } else if (itemClass === 'video' || itemClass === 'audio') {
    const renditions = elements(element(item, 'contentSet'), 'remoteContent').length;
    if (renditions > 0)
      report(
        context.file,
        'info',
        `${renditions} ${itemClass} rendition(s) not carried: articles hold text and images`,
        newsmlG2Rules.dropped,
        element(item, 'contentSet')?.position?.start,
      );
  }
  for (const link of elements(itemMeta, 'link')) {
    const image = linkedImage(link, context, language);
    if (image && !fields.images.some((known) => known.src === image.src)) fields.images.push(image);
  }
}

/** The part of a QCode after the scheme: `stat:usable` → `usable`. */
export function code(qcode: string | undefined): string | undefined {
  if (!qcode) return undefined;
  return qcode.slice(qcode.indexOf(':') + 1) || undefined;
}

/** The `name` child in the item's language, else the first one. */
function nameOf(node: Element | undefined, language: string | undefined): string | undefined {
  const names = elements(node, 'name');
  const chosen =
    names.find((name) => language && attribute(name, 'lang')?.toLowerCase() === language.toLowerCase()) ??
    names.find((name) => !attribute(name, 'lang')) ??
    names[0];
  return text(chosen);
}

/** Headlines by role and rank: the main one has no role or role main and the lowest rank; sub, subheadline or kicker roles, else the next by rank, are the subheadline. */
function readHeadlines(contentMeta: Element | undefined, language: string | undefined, fields: ArticleFields): void {
  const all = elements(contentMeta, 'headline').filter((node) => {
    const lang = attribute(node, 'lang');
    return !lang || !language || lang.toLowerCase() === language.toLowerCase();
  });
  const ranked = all
    .map((node, index) => ({ node, index, role: code(attribute(node, 'role')) ?? '', rank: Number(attribute(node, 'rank') ?? Number.NaN) }))
    .sort((a, b) => (Number.isNaN(a.rank) ? 0 : a.rank) - (Number.isNaN(b.rank) ? 0 : b.rank) || a.index - b.index);
  const isSub = (role: string) => /sub|kicker|deck|strap/i.test(role);
  const main = ranked.find((entry) => !isSub(entry.role));
  const sub = ranked.find((entry) => isSub(entry.role)) ?? ranked.find((entry) => entry !== main);
  const mainText = text(main?.node);
  if (mainText) fields.headline = mainText;
  const subText = text(sub?.node);
  if (subText && subText !== mainText) fields.subheadline = subText;
}

function readDates(itemMeta: Element | undefined, contentMeta: Element | undefined, fields: ArticleFields, context: ItemContext): void {
  const date = (node: Element | undefined): string | undefined => {
    const value = text(node);
    if (!value || !node) return undefined;
    const normalized = normalizeDate(value, context.timeZone);
    if (typeof normalized === 'string') return normalized;
    report(context.file, 'warning', `${normalized.error} (<${node.name}>)`, newsmlG2Rules.date, node.position?.start);
    return undefined;
  };
  const first = date(element(itemMeta, 'firstCreated'));
  const created = date(element(contentMeta, 'contentCreated'));
  const version = date(element(itemMeta, 'versionCreated'));
  const published = first ?? created ?? version;
  if (published) fields.published = published;
  if (version && version !== published) fields.updated = version;
  const embargoed = date(element(itemMeta, 'embargoed'));
  if (embargoed) fields.embargoed = embargoed;
}

function readStatus(itemMeta: Element | undefined, fields: ArticleFields, file: VFile): void {
  const node = element(itemMeta, 'pubStatus');
  const status = code(attribute(node, 'qcode'))?.toLowerCase();
  if (!status || !node) return;
  if ((statuses as readonly string[]).includes(status)) fields.status = status as PublicationStatus;
  else
    report(
      file,
      'warning',
      `Expected pubStatus stat:usable, stat:withheld or stat:canceled but received "${attribute(node, 'qcode')}"`,
      newsmlG2Rules.pubStatus,
      node.position?.start,
    );
}

/** Creators with real names (not desk logins such as `nickel.valeria`), else `by` as names ("Von Andrej Sokolow, dpa" → Andrej Sokolow). */
function readPeople(contentMeta: Element | undefined, language: string | undefined, fields: ArticleFields, itemClass: string): void {
  const authors: Author[] = [];
  if (itemClass === 'text') {
    for (const creator of elements(contentMeta, 'creator')) {
      const name = nameOf(creator, language) ?? attribute(creator, 'literal');
      if (name && /\s/.test(name) && !authors.some((author) => author.name === name)) {
        const author: Author = { name };
        const uri = attribute(creator, 'uri');
        if (uri && /^https?:\/\//.test(uri)) author.url = uri;
        authors.push(author);
      }
    }
  }
  if (authors.length > 0) {
    fields.authors = authors;
    return;
  }
  const by = text(element(contentMeta, 'by'));
  if (!by) return;
  const byline = parseByline(by);
  if (byline) {
    fields.authors = byline.authors;
    if (byline.source && !fields.source) fields.source = byline.source;
    return;
  }
  const bare = by
    .replace(/^(by|von|par|por|di|av)\s+/i, '')
    .replace(/,\s*[\p{L} .]{1,30}$/u, '')
    .trim();
  if (bare && !/^(dpa|ap|afp|reuters)$/i.test(bare)) fields.authors = [{ name: bare }];
}

function readDateline(contentMeta: Element | undefined, language: string | undefined, fields: ArticleFields): void {
  const written = text(element(contentMeta, 'dateline'));
  if (written) {
    const dateline = datelineFromText(written);
    fields.dateline = dateline;
    if (dateline.agency && !fields.source) fields.source = agencyName(dateline.agency);
    return;
  }
  const located = nameOf(element(contentMeta, 'located'), language);
  if (located) fields.dateline = { place: located };
}

/** Section from a category subject (else the genre); tags from the other subjects and keywords. */
function readSubjects(contentMeta: Element | undefined, language: string | undefined, fields: ArticleFields): void {
  const subjects = elements(contentMeta, 'subject');
  const category = subjects.find((subject) => /category|section|desk/i.test(attribute(subject, 'type') ?? ''));
  const section = nameOf(category, language) ?? nameOf(element(contentMeta, 'genre'), language);
  if (section) fields.section = section;
  const tags = new Set<string>();
  for (const subject of subjects) {
    if (subject === category) continue;
    const name = nameOf(subject, language) ?? nameOf(element(subject, 'mainConcept'), language);
    if (name) tags.add(name);
  }
  for (const keyword of elements(contentMeta, 'keyword')) {
    const value = text(keyword);
    if (value) tags.add(value);
  }
  fields.tags = [...tags];
}

function readRights(
  item: Element,
  itemMeta: Element | undefined,
  contentMeta: Element | undefined,
  language: string | undefined,
  fields: ArticleFields,
  editorNotes: string[],
  file: VFile,
): void {
  const rights = element(item, 'rightsInfo');
  const notice = text(element(rights, 'copyrightNotice'));
  const holder = nameOf(element(rights, 'copyrightHolder'), language);
  if (notice) fields.copyright = notice;
  else if (holder) fields.copyright = `© ${holder}`;
  const provider = nameOf(element(itemMeta, 'provider'), language);
  const credit = text(element(contentMeta, 'creditline'));
  // The provider is who supplied the item; a byline's or dateline's agency only stands in for it.
  if (provider) fields.source = provider;
  else if (!fields.source && (holder ?? credit)) fields.source = holder ?? credit;
  const terms = element(rights, 'usageTerms');
  const termsText = text(terms);
  if (termsText && terms) {
    editorNotes.push(`Usage terms: ${termsText}`);
    report(
      file,
      'info',
      'Usage terms kept for the desk: the article model has no field for them',
      newsmlG2Rules.dropped,
      terms.position?.start,
    );
  }
}

function description(contentMeta: Element | undefined, role: RegExp): string | undefined {
  const found = elements(contentMeta, 'description').find((node) => role.test(code(attribute(node, 'role')) ?? ''));
  return text(found);
}

function signals(itemMeta: Element | undefined): string[] {
  return elements(itemMeta, 'signal').flatMap((signal) => code(attribute(signal, 'qcode')) ?? []);
}

/** A picture item's own image: its largest image rendition, with caption (description role caption) and credit (creditline, else creator). */
export function pictureImage(item: Element, language: string | undefined, articlePath?: string): ArticleImage | undefined {
  return renditionsImage(element(item, 'contentMeta'), element(item, 'contentSet'), language, articlePath);
}

/** An image from properties (`description`, `creditline`, `creator`, `headline` or `title`) and `remoteContent` renditions. */
function renditionsImage(
  contentMeta: Element | undefined,
  contentSet: Element | undefined,
  language: string | undefined,
  articlePath?: string,
): ArticleImage | undefined {
  const renditions: ImageRendition[] = [];
  for (const remote of elements(contentSet, 'remoteContent')) {
    const mediaType = attribute(remote, 'contenttype') ?? 'image/jpeg';
    const href = renditionSource(attribute(remote, 'href'), articlePath);
    if (!href || !mediaType.startsWith('image/')) continue;
    const rendition: ImageRendition = {
      src: href,
      width: Number(attribute(remote, 'width')) || 0,
      height: Number(attribute(remote, 'height')) || 0,
      mediaType,
    };
    const bytes = Number(attribute(remote, 'size'));
    if (bytes > 0) rendition.bytes = bytes;
    renditions.push(rendition);
  }
  const best = [...renditions].sort((a, b) => b.width * b.height - a.width * a.height)[0];
  if (!best) return undefined;
  const image: ArticleImage = { src: best.src, mediaType: best.mediaType };
  if (best.width && best.height) Object.assign(image, { width: best.width, height: best.height });
  if (best.bytes) image.bytes = best.bytes;
  const sized = renditions.filter((rendition) => rendition.width > 0 && rendition.height > 0);
  if (sized.length > 1) image.renditions = sized;
  const caption = description(contentMeta, /caption/) ?? description(contentMeta, /^$/);
  const credit = text(element(contentMeta, 'creditline')) ?? nameOf(element(contentMeta, 'creator'), language);
  if (caption) {
    const split = splitCredit(caption);
    if (split.caption) image.caption = split.caption;
    if (split.credit) image.credit = split.credit;
  }
  if (credit) image.credit = credit;
  const alt = text(element(contentMeta, 'headline')) ?? text(element(contentMeta, 'title'));
  if (alt) image.alt = alt;
  return image;
}

/** A `link` to a picture: a picture item of the same message (`residref`), or an image href with its size. */
function linkedImage(link: Element, context: ItemContext, language: string | undefined): ArticleImage | undefined {
  const residref = attribute(link, 'residref');
  const picture = residref ? context.pictures.get(residref) : undefined;
  if (picture) return pictureImage(picture, language, context.articlePath);
  // A link that carries the picture's properties and renditions itself (as syndikit writes them).
  if (element(link, 'remoteContent')) {
    const image = renditionsImage(link, link, language, context.articlePath);
    if (image) return image;
  }
  const href = attribute(link, 'href');
  const mediaType = attribute(link, 'contenttype');
  const itemClass = code(attribute(element(link, 'itemClass'), 'qcode'));
  if (!href || !/^https?:\/\//i.test(href)) return undefined;
  if (!mediaType?.startsWith('image/') && itemClass !== 'picture' && itemClass !== 'graphic') return undefined;
  const image: ArticleImage = { src: href };
  if (mediaType?.startsWith('image/')) image.mediaType = mediaType;
  const width = Number(attribute(link, 'width'));
  const height = Number(attribute(link, 'height'));
  if (width > 0 && height > 0) Object.assign(image, { width, height });
  const title = text(element(link, 'title'));
  if (title) image.caption = title;
  return image;
}

/** An http(s) href as is; a relative one (a picture delivered beside the item) resolved within the content root. */
function renditionSource(href: string | undefined, articlePath: string | undefined): string | undefined {
  if (!href) return undefined;
  if (/^https?:\/\//i.test(href)) return href;
  if (articlePath === undefined || /^[a-z][a-z0-9+.-]*:/i.test(href)) return undefined;
  const resolved = resolveImageRef(href, articlePath);
  return 'error' in resolved ? undefined : resolved.src;
}

function guessHeadline(item: Element, fields: ArticleFields, body: Root, file: VFile): void {
  const contentMeta = element(item, 'contentMeta');
  const first = body.children[0];
  const firstText = first?.type === 'paragraph' && first.children[0]?.type === 'text' ? first.children[0].value : undefined;
  const candidates: Array<[string, string | undefined]> = [
    ['slugline', text(element(contentMeta, 'slugline'))],
    ['caption', fields.images[0]?.caption],
    ['description', text(element(contentMeta, 'description'))],
    ['first paragraph', firstText],
  ];
  const found = candidates.find(([, value]) => Boolean(value));
  if (found?.[1]) {
    const value = found[1].length > 100 ? `${found[1].slice(0, 97)}...` : found[1];
    fields.headline = value;
    report(
      file,
      'warning',
      `No headline: using the ${found[0]}, "${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`,
      newsmlG2Rules.noHeadline,
      (contentMeta ?? item).position?.start,
    );
  } else
    report(
      file,
      'error',
      'The item has no headline and no text to take one from',
      newsmlG2Rules.noHeadline,
      (contentMeta ?? item).position?.start,
    );
}

function pick<T extends object, K extends keyof T>(object: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const result: Partial<Pick<T, K>> = {};
  for (const key of keys) if (object[key] !== undefined) result[key] = object[key];
  return result;
}
