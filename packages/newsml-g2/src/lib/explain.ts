/**
 * What `syndikit inspect` says about a news item, line by line: where each
 * article field came from (`headline from <headline>` at its line and
 * column), and each part of the item that has no place in the article.
 * Info lines only: they explain, they never fail or warn.
 */
import type { ArticleFields, Rule } from '@syndikit/core';
import { report } from '@syndikit/core';
import { attribute, element, elements, localName, text } from '@syndikit/xml';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Element } from 'xast';
import { newsmlG2Rules } from './rules.js';

/** Children of these parts that the reader uses (or that only structure the item); any other child is a dropped line. */
const readParts: Readonly<Record<string, ReadonlySet<string>>> = {
  newsItem: new Set(['catalogRef', 'catalog', 'rightsInfo', 'itemMeta', 'contentMeta', 'contentSet']),
  itemMeta: new Set(['itemClass', 'provider', 'versionCreated', 'firstCreated', 'embargoed', 'pubStatus', 'edNote', 'signal', 'link']),
  contentMeta: new Set([
    'headline',
    'description',
    'creator',
    'by',
    'dateline',
    'located',
    'subject',
    'genre',
    'keyword',
    'slugline',
    'creditline',
    'language',
    'contentCreated',
  ]),
  rightsInfo: new Set(['copyrightHolder', 'copyrightNotice', 'usageTerms']),
};

/** One info line per field read from `item` and per part of it left out. */
export function explainItem(item: Element, fields: Readonly<ArticleFields>, body: Root, file: VFile): void {
  const say: Say = (reason, node, rule = newsmlG2Rules.field) => report(file, 'info', reason, rule, (node ?? item).position?.start);
  explainTexts(item, fields, say);
  explainDates(item, fields, say);
  explainSubjects(item, fields, say);
  explainRights(item, fields, say);
  const contentSet = element(item, 'contentSet');
  const holder = elements(contentSet).find((node) => ['inlineXML', 'inlineData'].includes(localName(node.name)));
  if (body.children.length > 0)
    say(`body from <${holder ? localName(holder.name) : 'contentSet'}> (${body.children.length} blocks)`, holder ?? contentSet);
  for (const [index, image] of fields.images.entries())
    say(
      `image ${index + 1} (${image.src}) from a picture${image.caption ? ', with caption' : ''}${image.credit ? ', with credit' : ''}`,
      pictureSource(item, index),
    );
  explainDropped(item, file);
}

/** Report an info line at `node` (else the item): `g2-field` unless another rule is given. */
type Say = (reason: string, node: Element | undefined, rule?: Rule) => void;

/** The element whose text is `value`, among `nodes` (their text or their `name` child's). */
function bearing(nodes: readonly Element[], value: string | undefined): Element | undefined {
  if (value === undefined) return undefined;
  return nodes.find((node) => text(node) === value || elements(node, 'name').some((name) => text(name) === value));
}

function explainTexts(item: Element, fields: Readonly<ArticleFields>, say: Say): void {
  const contentMeta = element(item, 'contentMeta');
  const headlines = elements(contentMeta, 'headline');
  const withRole = (node: Element) => (attribute(node, 'role') ? ` (role ${attribute(node, 'role')})` : '');
  const main = bearing(headlines, fields.headline);
  if (main) say(`headline from <headline>${withRole(main)}`, main);
  const sub = bearing(headlines, fields.subheadline);
  if (sub) say(`subheadline from <headline>${withRole(sub)}`, sub);
  const summary = bearing(elements(contentMeta, 'description'), fields.summary);
  if (summary) say(`summary from <description>${withRole(summary)}`, summary);
  for (const creator of elements(contentMeta, 'creator')) {
    const name = text(element(creator, 'name')) ?? attribute(creator, 'literal');
    if (name && !fields.authors.some((author) => author.name === name))
      say(`<creator> "${name}" not taken as an author (a desk login or an agency, not a person's name)`, creator, newsmlG2Rules.dropped);
  }
  const slugline = element(contentMeta, 'slugline');
  if (text(slugline)) say('slug from <slugline>', slugline);
  if (fields.authors.length > 0) {
    const creators = elements(contentMeta, 'creator').filter((node) => fields.authors.some((author) => bearing([node], author.name)));
    const by = element(contentMeta, 'by');
    const names = fields.authors.map((author) => author.name).join(', ');
    if (creators.length > 0) say(`authors (${names}) from <creator>`, creators[0]);
    else say(`authors (${names}) from <by> "${text(by) ?? ''}"`, by);
  }
  if (fields.dateline) {
    const written = element(contentMeta, 'dateline');
    const located = element(contentMeta, 'located');
    if (written) say('dateline from <dateline>', written);
    else if (located && bearing([located], fields.dateline.place)) say('dateline from <located>', located);
    else say("dateline from the body's opening line", element(item, 'contentSet'));
  }
  if (fields.id && fields.id === attribute(item, 'guid')) say('id from the guid of <newsItem>', item);
  if (fields.language) {
    const language = element(contentMeta, 'language');
    say(
      attribute(item, 'lang') ? 'language from xml:lang of <newsItem>' : 'language from <language>',
      attribute(item, 'lang') ? item : language,
    );
  }
  const itemMeta = element(item, 'itemMeta');
  if (fields.status) say(`status ${fields.status} from <pubStatus>`, element(itemMeta, 'pubStatus'));
  if (fields.notes?.length) say('note from <signal> correction', elements(itemMeta, 'signal')[0]);
}

function explainDates(item: Element, fields: Readonly<ArticleFields>, say: Say): void {
  const itemMeta = element(item, 'itemMeta');
  const first = element(itemMeta, 'firstCreated');
  const created = element(element(item, 'contentMeta'), 'contentCreated');
  const version = element(itemMeta, 'versionCreated');
  const from = (node: Element | undefined) => (node ? `<${localName(node.name)}>` : '?');
  if (fields.published) {
    const source = [first, created, version].find((node) => text(node));
    say(`published from ${from(source)}`, source);
  }
  if (fields.updated) say('updated from <versionCreated>', version);
  if (fields.embargoed) say('embargoed from <embargoed>', element(itemMeta, 'embargoed'));
}

function explainSubjects(item: Element, fields: Readonly<ArticleFields>, say: Say): void {
  const contentMeta = element(item, 'contentMeta');
  const subjects = elements(contentMeta, 'subject');
  if (fields.section) {
    const subject = bearing(subjects, fields.section);
    const genre = element(contentMeta, 'genre');
    if (subject) say(`section from subject ${attribute(subject, 'qcode') ?? attribute(subject, 'uri') ?? ''}`.trimEnd(), subject);
    else say(`section from genre ${attribute(genre, 'qcode') ?? ''}`.trimEnd(), genre);
  }
  for (const tag of fields.tags) {
    const subject = bearing(subjects, tag) ?? subjects.find((node) => bearing(elements(node, 'mainConcept'), tag));
    if (subject) say(`tag "${tag}" from subject ${attribute(subject, 'qcode') ?? attribute(subject, 'uri') ?? ''}`.trimEnd(), subject);
    else say(`tag "${tag}" from <keyword>`, bearing(elements(contentMeta, 'keyword'), tag));
  }
}

function explainRights(item: Element, fields: Readonly<ArticleFields>, say: Say): void {
  const rights = element(item, 'rightsInfo');
  const notice = element(rights, 'copyrightNotice');
  if (fields.copyright)
    say(
      text(notice) === fields.copyright ? 'copyright from <copyrightNotice>' : 'copyright from <copyrightHolder>',
      notice ?? element(rights, 'copyrightHolder'),
    );
  if (fields.source) {
    const provider = element(element(item, 'itemMeta'), 'provider');
    const candidates: Array<[string, Element | undefined]> = [
      ['provider', provider],
      ['copyrightHolder', element(rights, 'copyrightHolder')],
      ['creditline', element(element(item, 'contentMeta'), 'creditline')],
    ];
    const found = candidates.find(([, node]) => node && bearing([node], fields.source));
    say(found ? `source from <${found[0]}>` : 'source from the agency of the byline or dateline', found?.[1]);
  }
}

/** The `link` (or the picture item itself) image number `index` came from. */
function pictureSource(item: Element, index: number): Element | undefined {
  const links = elements(element(item, 'itemMeta'), 'link');
  const own = code(attribute(element(element(item, 'itemMeta'), 'itemClass'), 'qcode'));
  if (own === 'picture' || own === 'graphic') return index === 0 ? element(item, 'contentSet') : links[index - 1];
  return links[index];
}

function code(qcode: string | undefined): string | undefined {
  return qcode?.slice(qcode.indexOf(':') + 1);
}

/** One line per part of the item the article has no place for (`<urgency>`, `<contributor>`, `<audience>`…). */
function explainDropped(item: Element, file: VFile): void {
  const parts: Array<[string, Element | undefined]> = [
    ['newsItem', item],
    ['itemMeta', element(item, 'itemMeta')],
    ['contentMeta', element(item, 'contentMeta')],
    ['rightsInfo', element(item, 'rightsInfo')],
  ];
  for (const [part, node] of parts) {
    const known = readParts[part] as ReadonlySet<string>;
    for (const child of elements(node)) {
      const name = localName(child.name);
      if (known.has(name)) continue;
      const value = text(child) ?? attribute(child, 'qcode') ?? attribute(child, 'literal');
      report(
        file,
        'info',
        `<${name}>${value ? ` "${value.length > 60 ? `${value.slice(0, 57)}...` : value}"` : ''} in <${part}> not carried over: the article model has no field for it`,
        newsmlG2Rules.dropped,
        child.position?.start,
      );
    }
  }
}
