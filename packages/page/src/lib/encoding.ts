/**
 * The encoding a saved page declares, read from its bytes as a browser reads
 * it (HTML §13.2.3.2, the encoding sniffing algorithm): a byte order mark
 * first, then the prescan of the first 1024 bytes for a `<meta charset>` or
 * `<meta http-equiv="Content-Type" content="…; charset=…">`, both by jsdom's
 * `html-encoding-sniffer`. Labels are mapped by the WHATWG Encoding Standard
 * (`@exodus/bytes`, the sniffer's own): `iso-8859-1` and `latin1` mean
 * windows-1252, a declared UTF-16 means UTF-8.
 *
 * Two steps beyond the prescan, because a saved page is read whole rather
 * than streamed:
 *
 * - a declaration later in the `<head>` (a page with 1.5 kB of comments and
 *   links before its `<meta>`) is honoured, as a browser does when its parser
 *   meets one ("change the encoding", §13.2.3.4, which reloads the page in
 *   it); each such `<meta>` is read by the same prescan;
 * - a label the Encoding Standard does not know is returned as declared, so
 *   that the pipeline reports it (`unknown-encoding`) instead of guessing,
 *   where a browser would ignore it and fall back to its locale's default.
 *
 * Nothing declared: `undefined`, and the page is read strictly as UTF-8.
 */
import { getBOMEncoding, isomorphicDecode, normalizeEncoding, TextDecoder } from '@exodus/bytes/encoding.js';
import { type EncodingDeclaration, pointAtByte } from '@syndikit/core';
import htmlEncodingSniffer from 'html-encoding-sniffer';

/** The encoding `bytes` declare, for the pipeline to decode them in (`Ingester.sniffEncoding`). */
export function sniffPageEncoding(bytes: Uint8Array): EncodingDeclaration | undefined {
  const bom = getBOMEncoding(bytes);
  if (bom) return { label: bom, source: 'its byte order mark' };
  // '' as the default tells "nothing declared" apart from a declared windows-1252 (the sniffer's own default).
  const prescanned = htmlEncodingSniffer(bytes, { defaultEncoding: '' });
  if (prescanned) return declared(bytes, prescanned, metaDeclarations(bytes.subarray(0, 1024)));
  const metas = metaDeclarations(bytes);
  for (const meta of metas) {
    const encoding = htmlEncodingSniffer(bytes.subarray(meta.index, meta.end), { defaultEncoding: '' });
    if (encoding) return declared(bytes, encoding, [meta]);
  }
  const unknown = metas.find((meta) => normalizeEncoding(meta.label) === null);
  return unknown && { label: unknown.label, source: 'its <meta> element', place: pointAtByte(bytes, unknown.index) };
}

/** A `<meta>` of the page's head that names a charset (in `charset` or in `content`), at byte `index`. */
interface MetaDeclaration {
  index: number;
  end: number;
  label: string;
}

/**
 * The `<meta>` elements with a charset in the page's head (up to `<body` or
 * `</head`), outside comments, scripts and styles, in order. A regular
 * expression over the bytes read one to one as characters finds the
 * elements; which of them declares an encoding is the prescan's to say.
 */
function metaDeclarations(bytes: Uint8Array): MetaDeclaration[] {
  const text = isomorphicDecode(bytes);
  const headEnd = text.search(/<body[\s>]|<\/head[\s>]/i);
  const head = (headEnd === -1 ? text : text.slice(0, headEnd)).replace(
    /<!--[\s\S]*?(?:-->|$)|<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi,
    (hidden) => ' '.repeat(hidden.length),
  );
  const metas: MetaDeclaration[] = [];
  for (const match of head.matchAll(/<meta[\s/][^>]*>?/gi)) {
    const label = /charset\s*=\s*["']?\s*([^\s"';>]+)/i.exec(match[0])?.[1];
    if (label !== undefined) metas.push({ index: match.index, end: match.index + match[0].length, label });
  }
  return metas;
}

/** The declaration of `encoding` (a name the sniffer gave), with the label and place of the `<meta>` that made it. */
function declared(bytes: Uint8Array, encoding: string, metas: readonly MetaDeclaration[]): EncodingDeclaration {
  const name = normalizeEncoding(encoding) ?? encoding;
  // The prescan reads a declared UTF-16 as UTF-8 and x-user-defined as windows-1252: the name is then the label.
  const meta = metas.find((candidate) => normalizeEncoding(candidate.label) === name);
  if (!meta) return { label: encoding, source: 'its <meta> element' };
  return { label: meta.label, source: 'its <meta> element', place: pointAtByte(bytes, meta.index, new TextDecoder(name)) };
}
