/**
 * What `syndikit inspect` says about a NITF document, line by line: where
 * each article field came from (`headline from <hl1>` at its line and
 * column), and each part of the document that has no place in the article.
 * Info lines only: they explain, they never fail or warn.
 */
import type { ArticleFields, IngestContext, Rule } from '@syndikit/core';
import { report } from '@syndikit/core';
import { attribute, descendants, element, elements, localName, path, text } from '@syndikit/xml';
import type { Root } from 'mdast';
import type { Element } from 'xast';
import { nitfRules } from './rules.js';

/** Children of these parts that the reader uses; any other child is a dropped line. */
const readParts: Readonly<Record<string, ReadonlySet<string>>> = {
  head: new Set(['title', 'docdata', 'pubdata', 'tobject']),
  docdata: new Set(['doc-id', 'date.issue', 'date.release', 'ed-msg', 'doc.copyright', 'key-list']),
  'body.head': new Set(['hedline', 'byline', 'dateline', 'abstract', 'distributor']),
  'body.end': new Set(['tagline']),
};

/** Report an info line at `node` (else the document): `nitf-field` unless another rule is given. */
type Say = (reason: string, node: Element | undefined, rule?: Rule) => void;

/** One info line per field read from the `<nitf>` element and per part of it left out. */
export function explainNitf(nitf: Element, fields: Readonly<ArticleFields>, body: Root, file: IngestContext['file']): void {
  const say: Say = (reason, node, rule = nitfRules.field) => report(file, 'info', reason, rule, (node ?? nitf).position?.start);
  const head = element(nitf, 'head');
  const docdata = element(head, 'docdata');
  const bodyHead = path(nitf, 'body', 'body.head');
  const hedline = element(bodyHead, 'hedline');
  const hl1 = element(hedline, 'hl1');
  if (fields.headline)
    say(text(hl1) === fields.headline ? 'headline from <hl1>' : 'headline from <title>', text(hl1) ? hl1 : element(head, 'title'));
  if (fields.subheadline) say('subheadline from <hl2>', element(hedline, 'hl2'));
  if (fields.id) say('id from <doc-id id-string>', element(docdata, 'doc-id'));
  if (fields.authors.length > 0)
    say(`authors (${fields.authors.map((author) => author.name).join(', ')}) from <byline>`, element(bodyHead, 'byline'));
  const dateline = element(bodyHead, 'dateline');
  if (fields.dateline)
    say(dateline ? 'dateline from <dateline>' : "dateline from the body's opening line", dateline ?? path(nitf, 'body', 'body.content'));
  if (fields.summary) say('summary from <abstract>', element(bodyHead, 'abstract'));
  explainDates(nitf, docdata, bodyHead, fields, say);
  if (fields.copyright) say('copyright from <doc.copyright>', element(docdata, 'doc.copyright'));
  if (fields.source) {
    const distributor = element(bodyHead, 'distributor');
    say(
      distributor ? 'source from <distributor>' : 'source from the holder of <doc.copyright>',
      distributor ?? element(docdata, 'doc.copyright'),
    );
  }
  if (fields.section) say('section from <pubdata position.section>', element(head, 'pubdata'));
  const keywords = descendants(element(docdata, 'key-list') ?? nitf, 'keyword');
  const subjects = descendants(head ?? nitf, 'tobject.subject');
  for (const tag of fields.tags) {
    const keyword = keywords.find((node) => attribute(node, 'key') === tag);
    say(
      keyword ? `tag "${tag}" from <keyword>` : `tag "${tag}" from <tobject.subject>`,
      keyword ?? subjects.find((node) => Object.values(node.attributes).includes(tag)),
    );
  }
  const content = path(nitf, 'body', 'body.content');
  if (body.children.length > 0) say(`body from <body.content> (${body.children.length} blocks)`, content);
  const media = content ? descendants(content, 'media') : [];
  for (const [index, image] of fields.images.entries()) say(`image ${index + 1} (${image.src}) from <media>`, media[index]);
  if (fields.notes?.length) say('note from <tagline>', path(nitf, 'body', 'body.end', 'tagline'));
  explainDropped(nitf, say);
}

function explainDates(
  nitf: Element,
  docdata: Element | undefined,
  bodyHead: Element | undefined,
  fields: Readonly<ArticleFields>,
  say: Say,
): void {
  const release = element(docdata, 'date.release');
  const issue = element(docdata, 'date.issue');
  const story = descendants(bodyHead ?? nitf, 'story.date')[0];
  if (fields.published) {
    const source = [release, issue, story].find((node) => attribute(node, 'norm'));
    say(`published from <${source ? localName(source.name) : '?'}>`, source);
  }
  if (fields.embargoed) say('embargoed from <date.release> (after <date.issue>)', release);
}

/** One line per part of head, docdata, body.head and body.end the article model has no field for. */
function explainDropped(nitf: Element, say: Say): void {
  const head = element(nitf, 'head');
  const parts: Array<[string, Element | undefined]> = [
    ['head', head],
    ['docdata', element(head, 'docdata')],
    ['body.head', path(nitf, 'body', 'body.head')],
    ['body.end', path(nitf, 'body', 'body.end')],
  ];
  for (const [part, node] of parts) {
    const known = readParts[part] as ReadonlySet<string>;
    for (const child of elements(node)) {
      const name = localName(child.name);
      if (known.has(name)) continue;
      const value = text(child) ?? Object.values(child.attributes)[0] ?? undefined;
      const shown = value ? ` "${value.length > 60 ? `${value.slice(0, 57)}...` : value}"` : '';
      say(`<${name}>${shown} in <${part}> not carried over: the article model has no field for it`, child, nitfRules.dropped);
    }
  }
}
