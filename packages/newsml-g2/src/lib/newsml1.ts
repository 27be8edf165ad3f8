/**
 * NewsML 1.2 (still delivered by AFP and others): each `NewsItem` whose
 * `NewsComponent` tree holds a text is an article. NewsLines give the
 * headline, byline, dateline and credit; the main component's
 * `DataContent` (NITF, XHTML or text) the body; photo components with
 * `ContentItem Href` renditions the images.
 */
import type { ArticleFields, ArticleImage, ImageRendition, IngestContext, IngestResult, PublicationStatus } from '@syndikit/core';
import { normalizeDate, report, splitCredit } from '@syndikit/core';
import { extendedDate, hastToBody, nitfToBody, openingDateline } from '@syndikit/nitf';
import { parseByline } from '@syndikit/wire';
import {
  attribute,
  descendants,
  element,
  elements,
  parseSafeXml,
  rawText,
  reportXmlProblems,
  rootElement,
  text,
  xastToHast,
} from '@syndikit/xml';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Element } from 'xast';
import { textBody } from './body.js';
import { datelineFromText } from './dateline.js';
import { newsml1Rules } from './rules.js';

/** An article read from a NewsML 1.x `NewsItem`. */
export interface NewsMl1Article extends IngestResult {
  line: number;
  column: number;
}

/** Every article of a NewsML 1.x document. */
export function readNewsMl1(context: Pick<IngestContext, 'file' | 'text' | 'timeZone'>, maxDepth = 256): NewsMl1Article[] {
  const { file } = context;
  const { tree, problems } = parseSafeXml(context.text, { maxDepth, encoding: context.file.data.encoding });
  reportXmlProblems(file, problems);
  const root = tree ? rootElement(tree) : undefined;
  if (!root) return [];
  if (root.name !== 'NewsML') {
    report(
      file,
      'error',
      `Expected a NewsML 1.x document (root <NewsML>) but found <${root.name}>`,
      newsml1Rules.notNewsMl1,
      root.position?.start,
    );
    return [];
  }
  return elements(root, 'NewsItem').flatMap((item) => {
    const article = readItem(item, file, context.timeZone);
    return article ? [article] : [];
  });
}

function readItem(item: Element, file: VFile, timeZone: string): NewsMl1Article | undefined {
  const management = element(item, 'NewsManagement');
  const top = element(item, 'NewsComponent');
  const lines = element(top, 'NewsLines');
  const fields: ArticleFields = { authors: [], tags: [], images: [] };

  // The order of the phases is the order of the messages: keep it.
  readNewsLines(item, top, lines, fields);
  readManagement(item, management, fields, file, timeZone);
  readKeywords(item, top, lines, fields);
  const body = readComponents(top, fields, file);

  if (!fields.headline) {
    report(file, 'error', 'The news item has no HeadLine', newsml1Rules.noHeadline, (lines ?? item).position?.start);
    return undefined;
  }
  const start = item.position?.start;
  return {
    fields,
    body,
    slugHint: text(descendants(item, 'NameLabel')[0]) ?? fields.headline,
    line: start?.line ?? 1,
    column: start?.column ?? 1,
  };
}

/** NewsML 1 names its values in a `FormalName` attribute. */
function formal(node: Element | undefined): string | undefined {
  return attribute(node, 'FormalName');
}

/** Id, the NewsLines (headlines, byline, dateline, copyright, credit), provider and language. */
function readNewsLines(item: Element, top: Element | undefined, lines: Element | undefined, fields: ArticleFields): void {
  const id = text(descendants(element(item, 'Identification') ?? item, 'PublicIdentifier')[0]);
  if (id) fields.id = id;
  const headline = text(element(lines, 'HeadLine'));
  if (headline) fields.headline = headline;
  const sub = text(element(lines, 'SubHeadLine'));
  if (sub) fields.subheadline = sub;
  const by = text(element(lines, 'ByLine'));
  // AFP writes surnames in capitals (`par Claire MARTIN`): an editor reads Claire Martin.
  if (by)
    fields.authors = (parseByline(by)?.authors ?? [{ name: by.replace(/^(by|par|von|por|di)\s+/i, '') }]).map((author) => ({
      ...author,
      name: capitalsToTitle(author.name),
    }));
  const dateline = text(element(lines, 'DateLine'));
  if (dateline) fields.dateline = datelineFromText(dateline);
  const copyright = text(element(lines, 'CopyrightLine')) ?? text(descendants(top ?? item, 'CopyrightHolder')[0]);
  if (copyright) fields.copyright = copyright;
  const provider = formal(descendants(element(top, 'AdministrativeMetadata') ?? item, 'Party')[0]);
  const credit = text(element(lines, 'CreditLine'));
  const source = provider ?? credit;
  if (source) fields.source = source;
  const language = formal(descendants(element(top, 'DescriptiveMetadata') ?? item, 'Language')[0]) ?? attribute(top, 'lang');
  if (language) fields.language = language;
}

/** NewsManagement: dates, status (an embargo is usable after its date), corrections. */
function readManagement(item: Element, management: Element | undefined, fields: ArticleFields, file: VFile, timeZone: string): void {
  const date = (node: Element | undefined): string | undefined => {
    const value = text(node);
    if (!value || !node) return undefined;
    const normalized = normalizeDate(extendedDate(value), timeZone);
    if (typeof normalized === 'string') return normalized;
    report(file, 'warning', `${normalized.error} (<${node.name}>)`, newsml1Rules.date, node.position?.start);
    return undefined;
  };
  const published = date(element(management, 'FirstCreated'));
  const revised = date(element(management, 'ThisRevisionCreated'));
  if (published ?? revised) fields.published = published ?? revised;
  if (published && revised && revised !== published) fields.updated = revised;
  const status = formal(element(management, 'Status'))?.toLowerCase();
  if (status === 'embargoed') {
    fields.status = 'usable';
    const until = date(descendants(element(management, 'StatusWillChange') ?? item, 'DateAndTime')[0]);
    if (until) fields.embargoed = until;
  } else if (status && ['usable', 'withheld', 'canceled'].includes(status)) fields.status = status as PublicationStatus;
  if (elements(management, 'Instruction').some((instruction) => /correct/i.test(formal(instruction) ?? '')))
    fields.notes = ['This is a corrected version of the story.'];
}

/** Tags from the KeywordLine and keyword properties (each once); the City property as a dateline of last resort. */
function readKeywords(item: Element, top: Element | undefined, lines: Element | undefined, fields: ArticleFields): void {
  const keywords = [
    ...(text(element(lines, 'KeywordLine'))?.split(/[,;]/) ?? []),
    ...descendants(element(top, 'DescriptiveMetadata') ?? item, 'Property').flatMap((property) =>
      /keyword/i.test(formal(property) ?? '') ? [attribute(property, 'Value') ?? ''] : [],
    ),
  ];
  fields.tags = [...new Set(keywords.map((keyword) => keyword.trim()).filter(Boolean))];
  const city = descendants(element(top, 'DescriptiveMetadata') ?? item, 'Property').find((property) => formal(property) === 'City');
  if (!fields.dateline && attribute(city, 'Value')) fields.dateline = { place: attribute(city, 'Value') as string };
}

/** The body from the main component (by role, else the first with text that is no photo); photo components as images. */
function readComponents(top: Element | undefined, fields: ArticleFields, file: VFile): Root {
  const components = top ? descendants(top, 'NewsComponent') : [];
  const role = (component: Element) => formal(element(component, 'Role'))?.toLowerCase() ?? '';
  const isPhoto = (component: Element) =>
    role(component) === 'photo' || /photo|image|graphic/i.test(formal(descendants(component, 'MediaType')[0]) ?? '');
  const main =
    components.find((component) => role(component) === 'main') ??
    components.find((component) => !isPhoto(component) && element(element(component, 'ContentItem'), 'DataContent'));
  const body = readBody(main ?? top, fields, file);
  for (const component of components.filter((candidate) => role(candidate) === 'photo')) {
    const image = photo(component);
    if (image) fields.images.push(image);
  }
  return body;
}

function capitalsToTitle(name: string): string {
  return name.replace(/\p{Lu}{2,}/gu, (word) => word.charAt(0) + word.slice(1).toLowerCase());
}

function readBody(component: Element | undefined, fields: ArticleFields, file: VFile): Root {
  const content = component ? descendants(component, 'DataContent')[0] : undefined;
  if (!content) return { type: 'root', children: [] };
  const warn = (reason: string, place: { start: { line: number; column: number } } | undefined) =>
    report(file, 'warning', `Body: ${reason}`, newsml1Rules.bodyUnsafe, place?.start);
  const nitfContent = descendants(content, 'body.content')[0];
  const children = elements(content);
  const body = nitfContent
    ? nitfToBody(nitfContent, warn)
    : children.length > 0
      ? hastToBody(
          children.flatMap((child) => xastToHast(child)),
          warn,
        )
      : textBody(rawText(content));
  openingDateline(body, fields);
  return body;
}

/** A photo component: renditions from `ContentItem Href` with their characteristics, caption and credit from its parts. */
function photo(component: Element): ArticleImage | undefined {
  const renditions: ImageRendition[] = [];
  for (const item of descendants(component, 'ContentItem')) {
    const href = attribute(item, 'Href');
    if (!href || !/^https?:\/\//i.test(href)) continue;
    const properties = descendants(item, 'Property');
    const size = (name: string) =>
      Number(
        attribute(
          properties.find((property) => attribute(property, 'FormalName') === name),
          'Value',
        ),
      ) || 0;
    const rendition: ImageRendition = {
      src: href,
      width: size('Width'),
      height: size('Height'),
      mediaType: attribute(element(item, 'MimeType'), 'FormalName') ?? 'image/jpeg',
    };
    const bytes = Number(text(descendants(item, 'SizeInBytes')[0]));
    if (bytes > 0) rendition.bytes = bytes;
    renditions.push(rendition);
  }
  const best = [...renditions].sort((a, b) => b.width * b.height - a.width * a.height)[0];
  if (!best) return undefined;
  const image: ArticleImage = { src: best.src, mediaType: best.mediaType };
  if (best.width && best.height) Object.assign(image, { width: best.width, height: best.height });
  if (best.bytes) image.bytes = best.bytes;
  const sized = renditions.filter((rendition) => rendition.width && rendition.height);
  if (sized.length > 1) image.renditions = sized;
  const captionComponent = descendants(component, 'NewsComponent').find((part) =>
    /caption/i.test(attribute(element(part, 'Role'), 'FormalName') ?? ''),
  );
  const caption = text(captionComponent ? descendants(captionComponent, 'DataContent')[0] : undefined);
  if (caption) Object.assign(image, Object.fromEntries(Object.entries(splitCredit(caption)).filter(([, value]) => value)));
  const credit = text(descendants(component, 'CreditLine')[0]);
  if (credit) image.credit = credit;
  const alt = text(descendants(component, 'HeadLine')[0]);
  if (alt) image.alt = alt;
  return image;
}
