/**
 * A news item's `contentSet` into an mdast body: XHTML or NITF in
 * `inlineXML` (preferred), else `inlineData` text. dpa's XHTML carries the
 * teaser (`p.teaser`), the dateline (`span.dateline`) and a header repeating
 * the headline inside the body: they become fields, not body text.
 */
import type { ArticleFields } from '@syndikit/core';
import { type BodyReporter, hastToBody, nitfToBody, openingDateline } from '@syndikit/nitf';
import { attribute, descendants, element, elements, rawText, text, type XastToHastHandler, xastToHast } from '@syndikit/xml';
import type { Paragraph, Root } from 'mdast';
import type { Element } from 'xast';
import { datelineFromText } from './dateline.js';

/** Options for {@link readBody}. */
export interface ReadBodyOptions {
  report: BodyReporter;
}

/** Read the body of a `contentSet`, moving teaser and dateline into `fields`. */
export function readBody(contentSet: Element | undefined, fields: ArticleFields, options: ReadBodyOptions): Root {
  const inline = elements(contentSet, 'inlineXML');
  const nitfHolder = inline.find((node) => /nitf/i.test(attribute(node, 'contenttype') ?? '') || element(node, 'nitf'));
  // XHTML by root or content type first; any other inline XML is read as XHTML too (IPTC's examples put bare `<p>` there).
  const xhtmlHolder =
    inline.find((node) => node !== nitfHolder && (element(node, 'html') || /html/i.test(attribute(node, 'contenttype') ?? ''))) ??
    inline.find((node) => node !== nitfHolder && elements(node).length > 0);
  let body: Root | undefined;
  if (xhtmlHolder) body = xhtmlBody(xhtmlHolder, fields, options.report);
  else if (nitfHolder) {
    const content = descendants(nitfHolder, 'body.content')[0];
    if (content) body = nitfToBody(content, options.report);
    const nitf = element(nitfHolder, 'nitf');
    if (nitf && !fields.headline) {
      const hl1 = text(descendants(nitf, 'hl1')[0]);
      if (hl1) fields.headline = hl1;
    }
  }
  if (!body || body.children.length === 0) {
    const data = elements(contentSet, 'inlineData').find((node) => /^text\/plain/i.test(attribute(node, 'contenttype') ?? 'text/plain'));
    if (data) body = textBody(rawText(data));
  }
  const result = body ?? { type: 'root', children: [] };
  openingDateline(result, fields);
  return result;
}

function xhtmlBody(holder: Element, fields: ArticleFields, report: BodyReporter): Root {
  const root = descendants(holder, 'body')[0] ?? holder;
  let teaser: string | undefined;
  let dateline: string | undefined;
  const handlers: Record<string, XastToHastHandler> = {
    head: () => [],
    title: () => [],
    header: () => [],
    p: (node) => {
      if (!hasClass(node, 'teaser')) return undefined;
      teaser ??= text(node);
      return [];
    },
    span: (node) => {
      if (!hasClass(node, 'dateline')) return undefined;
      dateline ??= text(node);
      return [];
    },
  };
  const hast = root.children.flatMap((child) =>
    child.type === 'element' ? xastToHast(child, handlers) : child.type === 'text' ? [{ type: 'text' as const, value: child.value }] : [],
  );
  if (teaser && !fields.summary) fields.summary = teaser;
  if (dateline) {
    fields.dateline = datelineFromText(dateline);
  }
  return hastToBody(hast, report);
}

function hasClass(node: Element, name: string): boolean {
  return (attribute(node, 'class') ?? '').split(/\s+/).includes(name);
}

/** Plain text as paragraphs: split on blank lines, or on single line breaks when there are none. */
export function textBody(value: string): Root {
  const blocks = /\n\s*\n/.test(value) ? value.split(/\n\s*\n/) : value.split(/\n/);
  return {
    type: 'root',
    children: blocks
      .map((block) => block.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .map((block): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value: block }] })),
  };
}
