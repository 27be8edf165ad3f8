/**
 * A NewsML-G2 document into articles: a `newsItem`, a `newsMessage` (each
 * item of its `itemSet`), or a `packageItem` (the items it refers to that
 * are in the same file). Concept, knowledge, planning and catalog items are
 * not articles: one info line each.
 */
import type { IngestContext } from '@syndikit/core';
import { report } from '@syndikit/core';
import {
  attribute,
  descendants,
  element,
  elements,
  localName,
  newsNamespaces,
  parseSafeXml,
  rawText,
  reportXmlProblems,
  rootElement,
} from '@syndikit/xml';
import type { Element } from 'xast';
import { code, type G2Article, readNewsItem } from './item.js';
import { newsmlG2Rules } from './rules.js';

/** Options for {@link readNewsMlG2}. */
export interface NewsMlG2ReadOptions {
  /** Deepest element nesting accepted. Default `256`. */
  maxDepth?: number | null;
}

const notArticles = new Set(['conceptItem', 'knowledgeItem', 'planningItem', 'catalogItem']);

/**
 * Every article in a NewsML-G2 document, in document order. Problems are
 * reported on `context.file`; text items come first when a message also
 * carries the pictures they link to (those become their images).
 */
export function readNewsMlG2(
  context: Pick<IngestContext, 'file' | 'text' | 'timeZone' | 'articlePath'>,
  options?: Readonly<NewsMlG2ReadOptions> | null,
): G2Article[] {
  const { file } = context;
  const root = g2Root(context, options);
  if (!root) return [];
  const items = localName(root.name) === 'newsMessage' ? elements(element(root, 'itemSet')) : [root];
  const index = indexItems(items);
  const chosen = chooseItems(items, index, file);
  const articles: G2Article[] = [];
  for (const item of chosen) {
    if (!hasContent(item)) {
      report(
        file,
        'info',
        'The news item carries no headline, text or picture (metadata only, or data such as events): nothing to publish',
        newsmlG2Rules.notArticle,
        item.position?.start,
      );
      continue;
    }
    articles.push(readNewsItem(item, { file, timeZone: context.timeZone, pictures: index.pictures, articlePath: context.articlePath }));
  }
  return articles;
}

/** The document's root element, or undefined after reporting why the text is not NewsML-G2. */
function g2Root(
  context: Pick<IngestContext, 'file' | 'text'>,
  options: Readonly<NewsMlG2ReadOptions> | null | undefined,
): Element | undefined {
  const { file } = context;
  const { tree, problems } = parseSafeXml(context.text, { maxDepth: options?.maxDepth ?? 256, encoding: context.file.data.encoding });
  reportXmlProblems(file, problems);
  const root = tree ? rootElement(tree) : undefined;
  if (!root) return undefined;
  const namespace = attribute(root, root.name.includes(':') ? `xmlns:${root.name.slice(0, root.name.indexOf(':'))}` : 'xmlns');
  if (namespace !== newsNamespaces.newsmlG2) {
    report(
      file,
      'error',
      `Expected a NewsML-G2 document (namespace ${newsNamespaces.newsmlG2}) but found <${root.name}>${namespace ? ` in ${namespace}` : ''}`,
      newsmlG2Rules.notG2,
      root.position?.start,
    );
    return undefined;
  }
  return root;
}

/** What the items of one message say about each other. */
interface ItemIndex {
  byGuid: Map<string, Element>;
  /** Picture items by guid. */
  pictures: Map<string, Element>;
  /** Guids of pictures some item links to. */
  linked: Set<string>;
  /** Whether the message has a text item (not only pictures). */
  hasText: boolean;
}

function indexItems(items: readonly Element[]): ItemIndex {
  const byGuid = new Map<string, Element>();
  for (const item of items) {
    const guid = attribute(item, 'guid');
    if (guid) byGuid.set(guid, item);
  }
  const pictures = new Map<string, Element>();
  for (const [guid, item] of byGuid) if (isPicture(item)) pictures.set(guid, item);
  const linked = new Set<string>();
  for (const item of items)
    for (const link of descendants(element(item, 'itemMeta') ?? item, 'link')) {
      const ref = attribute(link, 'residref');
      if (ref && pictures.has(ref)) linked.add(ref);
    }
  const hasText = items.some((item) => localName(item.name) === 'newsItem' && !isPicture(item));
  return { byGuid, pictures, linked, hasText };
}

/** The news items to read as articles; other items (concepts, packages) are reported as info. */
function chooseItems(items: readonly Element[], index: ItemIndex, file: IngestContext['file']): Element[] {
  const chosen: Element[] = [];
  for (const item of items) {
    const name = localName(item.name);
    if (notArticles.has(name)) {
      report(
        file,
        'info',
        `A ${name} (${code(attribute(element(element(item, 'itemMeta'), 'itemClass'), 'qcode')) ?? 'no class'}) is not an article: nothing to publish`,
        newsmlG2Rules.notArticle,
        item.position?.start,
      );
    } else if (name === 'packageItem') {
      for (const ref of descendants(item, 'itemRef')) {
        const target = attribute(ref, 'residref');
        if (target && index.byGuid.has(target)) continue;
        report(
          file,
          'info',
          `The package refers to ${target ?? 'an item without residref'}, which is not in this file`,
          newsmlG2Rules.unresolvedRef,
          ref.position?.start,
        );
      }
    } else if (name === 'newsItem') {
      // A picture linked from a text item of the same message is that item's image, not an article of its own.
      const guid = attribute(item, 'guid');
      if (isPicture(item) && index.hasText && guid && index.linked.has(guid)) continue;
      chosen.push(item);
    }
  }
  return chosen;
}

/** Whether an item has anything a reader could see: a headline, a description, inline content or a rendition. */
function hasContent(item: Element): boolean {
  const contentMeta = element(item, 'contentMeta');
  if (element(contentMeta, 'headline') || element(contentMeta, 'description') || element(contentMeta, 'slugline')) return true;
  const contentSet = element(item, 'contentSet');
  return elements(contentSet).some((node) => {
    const name = localName(node.name);
    return (
      name === 'remoteContent' ||
      (name === 'inlineXML' && elements(node).some((child) => /^(html|body|nitf|section|div|article|p)$/.test(localName(child.name)))) ||
      (name === 'inlineData' && rawText(node).trim() !== '')
    );
  });
}

function isPicture(item: Element): boolean {
  return /^(picture|graphic)$/.test(code(attribute(element(element(item, 'itemMeta'), 'itemClass'), 'qcode')) ?? '');
}

/**
 * Every article of a NewsML-G2 document, each with its editor's notes and
 * its place in the file (as `G2Article`s, which also name the item's guid
 * and class).
 */
export function ingestNewsMlG2(context: IngestContext, options?: Readonly<NewsMlG2ReadOptions> | null): G2Article[] {
  return readNewsMlG2(context, options);
}
