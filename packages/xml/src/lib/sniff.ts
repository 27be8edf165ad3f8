/**
 * Tell what an XML document is from its root element and namespace, without
 * parsing it: agencies deliver files named by URN or GUID with no extension,
 * and `.xml` of every kind.
 */

/** Namespaces that identify the news formats. */
export const newsNamespaces = Object.freeze({
  newsmlG2: 'http://iptc.org/std/nar/2006-10-01/',
  nitf: 'http://iptc.org/std/NITF/2006-10-18/',
  atom: 'http://www.w3.org/2005/Atom',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
});

/** What kind of XML a document is. */
export type XmlKind = 'newsml-g2' | 'nitf' | 'newsml-1' | 'rss' | 'atom' | 'other';

/** The root element of a document, and the kind it makes the document. */
export interface XmlSniff {
  kind: XmlKind;
  /** The root element's qualified name, e.g. `newsItem`. */
  root: string;
  /** The root element's namespace, when it declares one. */
  namespace?: string;
}

/**
 * Read the root element's name and namespace from the start of `text` and
 * say what kind of document it is; `undefined` when the text does not start
 * like XML (after a byte order mark, whitespace, the XML declaration,
 * comments, processing instructions and a DOCTYPE).
 */
export function sniffXml(text: string): XmlSniff | undefined {
  const head = text.slice(0, 65536);
  let index = head.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (index < head.length && /\s/.test(head[index] as string)) index++;
    if (head.startsWith('<?', index)) index = after(head, '?>', index);
    else if (head.startsWith('<!--', index)) index = after(head, '-->', index);
    else if (/^<!DOCTYPE/i.test(head.slice(index, index + 9))) index = doctypeEnd(head, index);
    else break;
    if (index <= 0) return undefined;
  }
  const match = /^<([A-Za-z_][\w.:-]*)([^>]*)>/.exec(head.slice(index, index + 8192));
  if (!match) return undefined;
  const root = match[1] as string;
  const attributes = match[2] ?? '';
  const prefix = root.includes(':') ? root.slice(0, root.indexOf(':')) : '';
  const declaration = new RegExp(`\\sxmlns${prefix ? `:${prefix}` : ''}\\s*=\\s*(["'])([^"']*)\\1`).exec(attributes);
  const namespace = declaration?.[2];
  const local = root.slice(prefix ? prefix.length + 1 : 0);
  const sniff: XmlSniff = { kind: kindOf(local, namespace), root };
  if (namespace) sniff.namespace = namespace;
  return sniff;
}

/** Offset just past a DOCTYPE, skipping quoted strings and the internal subset; -1 when it does not end. */
function doctypeEnd(text: string, from: number): number {
  let quote = '';
  let subset = false;
  for (let index = from + 9; index < text.length; index++) {
    const char = text[index];
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '[') subset = true;
    else if (char === ']') subset = false;
    else if (char === '>' && !subset) return index + 1;
  }
  return -1;
}

function after(text: string, marker: string, from: number): number {
  const found = text.indexOf(marker, from + 1);
  return found === -1 ? -1 : found + marker.length;
}

function kindOf(local: string, namespace: string | undefined): XmlKind {
  if (namespace === newsNamespaces.newsmlG2) return 'newsml-g2';
  if (local === 'nitf' && (!namespace || namespace === newsNamespaces.nitf)) return 'nitf';
  if (local === 'NewsML' && !namespace) return 'newsml-1';
  if (local === 'rss' || (local === 'RDF' && namespace === newsNamespaces.rdf)) return 'rss';
  if (local === 'feed' && namespace === newsNamespaces.atom) return 'atom';
  return 'other';
}
