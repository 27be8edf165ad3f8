/**
 * The encoding an XML file declares, read from its bytes as XML 1.0 says
 * (§4.3.3 and Appendix F): a byte order mark first (UTF-8, UTF-16LE,
 * UTF-16BE); else UTF-16 without one, told by its `<?` (00 3C 00 3F or
 * 3C 00 3F 00); else the `encoding` of the XML declaration at the very
 * start of the file; else nothing, and the file is read as UTF-8. Labels
 * are the WHATWG Encoding Standard's, mapped by `@exodus/bytes` as core's
 * decoder maps them (`ISO-8859-1` and `latin1` meaning windows-1252).
 *
 * Reading the declaration is hand-written: the XML parser in use
 * (`@rgrove/parse-xml` under `xast-util-from-xml`) takes text, not bytes,
 * and the declaration of a file not in UTF-16 is ASCII, so a few lines over
 * the bytes read one to one as characters find it.
 */
import { getBOMEncoding, isomorphicDecode, normalizeEncoding } from '@exodus/bytes/encoding-lite.js';
import type { EncodingDeclaration } from '@syndikit/core';

/** XML's white space (production S). */
const s = '[ \\t\\r\\n]';
/** `<?xml version="1.0" encoding="…"`: the version comes first (production XMLDecl); group 1 or 2 is the label. */
const declaration = new RegExp(`^<\\?xml${s}+version${s}*=${s}*(?:"[^"]*"|'[^']*')${s}+encoding${s}*=${s}*(?:"([^"<>]*)"|'([^'<>]*)')`);

/** The encoding `bytes` declare, for the pipeline to decode them in (`Ingester.sniffEncoding`). */
export function sniffXmlEncoding(bytes: Uint8Array): EncodingDeclaration | undefined {
  const bom = getBOMEncoding(bytes);
  if (bom) return { label: bom, source: 'its byte order mark' };
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f) {
    return { label: 'utf-16be', source: 'its XML declaration' };
  }
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) {
    return { label: 'utf-16le', source: 'its XML declaration' };
  }
  // A declaration is short; 1024 bytes leave room for much white space in it.
  const head = isomorphicDecode(bytes.subarray(0, 1024));
  const match = declaration.exec(head);
  const label = match?.[1] ?? match?.[2];
  if (match === null || label === undefined) return undefined;
  // Bytes that spell the declaration in ASCII are not UTF-16, whatever it says: read as UTF-8, as an
  // HTML prescan does, and the parser warns about the declaration (`xml-encoding-declaration`).
  const encoding = normalizeEncoding(label);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return undefined;
  // Deliberately past XML 1.0, where the declaration governs: UTF-8 files declaring ISO-8859-1 are a
  // common export mistake, and legacy text with accents is practically never also valid UTF-8. So bytes
  // beyond ASCII that are valid UTF-8 are read as UTF-8 (the parser warns about the declaration), rather
  // than turned silently into `Ã©`. Pure ASCII reads the same either way and keeps its declaration.
  if (encoding !== 'utf-8' && encoding !== null && !isAscii(bytes) && isUtf8(bytes)) return undefined;
  const before = head.slice(0, match[0].length - label.length - 1);
  const lines = before.split('\n');
  return {
    label,
    source: 'its XML declaration',
    place: { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 },
  };
}

function isAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte > 0x7f) return false;
  return true;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}
