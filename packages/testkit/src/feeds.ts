/**
 * Feed parsing for the feed formats' tests (`@syndikit/testkit/feeds`, apart from the main entry so that
 * only those tests load the parsers): a strict XML 1.0 parser and two independent feed readers.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import Parser from 'rss-parser';
import { SaxesParser } from 'saxes';

/** Parse with a strict, spec-conforming XML 1.0 parser (saxes); throws on any well-formedness error. */
export function parseStrict(xml: string): { elements: Array<{ name: string; attributes: Record<string, string>; text: string }> } {
  const parser = new SaxesParser({ xmlns: false });
  const elements: Array<{ name: string; attributes: Record<string, string>; text: string }> = [];
  const open: Array<{ name: string; attributes: Record<string, string>; text: string }> = [];
  let error: Error | undefined;
  parser.on('error', (cause) => {
    error ??= cause;
  });
  parser.on('opentag', (tag) => {
    const element = { name: tag.name, attributes: tag.attributes as Record<string, string>, text: '' };
    elements.push(element);
    open.push(element);
  });
  parser.on('text', (text) => {
    const current = open.at(-1);
    if (current) current.text += text;
  });
  parser.on('closetag', () => {
    open.pop();
  });
  parser.write(xml).close();
  if (error) throw error;
  return { elements };
}

/** Parse with two independent feed readers. */
export async function parseWithReaders(xml: string) {
  return { rowan: parseFeed(xml), rssParser: await new Parser().parseString(xml) };
}

/** Every http(s)-or-not URL in href/src attributes of an HTML string. */
export function htmlUrls(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((match) => match[1] as string);
}
