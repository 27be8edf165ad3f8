import type { VFile } from 'vfile';
import { report } from './diagnostics.js';
import { rules } from './rules.js';

/**
 * The encoding an input's bytes declare, as an ingester's `sniffEncoding`
 * read it from them: a byte order mark, HTML's `<meta charset>`.
 */
export interface EncodingDeclaration {
  /**
   * A label of the WHATWG Encoding Standard (`utf-8`, `windows-1252`,
   * `iso-8859-1`, `latin1`, `shift_jis`, `utf-16le`, …), as written: it is
   * matched as the standard matches labels (case and surrounding white
   * space ignored, `iso-8859-1` and `latin1` meaning windows-1252). A label
   * the standard does not know is reported (`unknown-encoding`).
   */
  label: string;
  /** What declared it, for messages: `its byte order mark`, `its <meta> element`. */
  source: string;
  /** Where it is declared in the input, 1-based, when it is written there. */
  place?: { line: number; column: number };
}

/** Reads the encoding an input declares from its bytes; see `Ingester.sniffEncoding`. */
export type EncodingSniffer = (bytes: Uint8Array) => EncodingDeclaration | undefined | Promise<EncodingDeclaration | undefined>;

declare module 'vfile' {
  interface DataMap {
    /**
     * The encoding (its WHATWG name: `windows-1252`, `utf-16le`) the input
     * was decoded from by `decodeInput`, when it is not UTF-8; absent for
     * UTF-8.
     */
    encoding: string;
  }
}

/** Limits applied before any parser sees the input. */
export interface DecodeLimits {
  /** Largest input accepted, in bytes. */
  maxBytes: number;
}

/**
 * Turn the bytes of `file` into text, or report why they are not an article:
 * empty, binary (contains NUL), not UTF-8, or over the size limit.
 *
 * Decoding is strict: a lenient decoder would silently replace bad bytes
 * with U+FFFD and the damage would reach every output.
 *
 * @param declaration where the file declared UTF-8, for the message about a bad byte.
 * @returns the text without a byte order mark, or `undefined` after
 *   reporting an error on `file`.
 */
export function decodeText(file: VFile, limits: DecodeLimits, declaration?: EncodingDeclaration): string | undefined {
  // A problem found while reading (unreadable, too large to read) is the whole story.
  if (file.messages.some((message) => message.fatal)) return undefined;
  const value = file.value;
  const bytes = typeof value === 'string' ? undefined : value;

  if (bytes && !checkFileSize(file, bytes.byteLength, limits)) return undefined;

  let text: string;
  if (bytes) {
    const nul = bytes.indexOf(0);
    if (nul !== -1) {
      report(file, 'error', `File looks binary: it has a NUL byte at offset ${nul}`, rules.binaryFile);
      return undefined;
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      const offset = firstInvalidUtf8(bytes);
      const place = pointAtByte(bytes, offset);
      const declared = declaration ? `, the encoding ${declaredBy(declaration)}` : '';
      report(
        file,
        'error',
        `File is not valid UTF-8${declared}: bad byte 0x${hex(bytes[offset])} at offset ${offset}`,
        rules.invalidUtf8,
        place,
      );
      return undefined;
    }
  } else {
    text = (value as string).replace(/^\uFEFF/, '');
    if (text.length > limits.maxBytes) {
      report(file, 'error', `File is ${text.length} characters, over the limit of ${limits.maxBytes}`, rules.fileTooLarge);
      return undefined;
    }
    if (text.includes('\0')) {
      report(file, 'error', 'File looks binary: it has a NUL character', rules.binaryFile);
      return undefined;
    }
  }

  return notEmpty(file, text);
}

function notEmpty(file: VFile, text: string): string | undefined {
  if (text.trim() === '') {
    report(file, 'error', 'File is empty', rules.emptyFile);
    return undefined;
  }
  return text;
}

/**
 * Turn the bytes of `file` into text in the encoding they declare, as
 * `sniff` (the chosen ingester's `sniffEncoding`) reads it; without a
 * sniffer or a declaration, strictly as UTF-8 ({@link decodeText}).
 *
 * A declared UTF-8 is read as strictly as an undeclared one (`invalid-utf8`).
 * Any other encoding of the WHATWG Encoding Standard is decoded by
 * `@exodus/bytes`, whose decoders follow the standard (Node's own
 * `TextDecoder` reads windows-1252 as ISO-8859-1, so byte 0x92 would become
 * a C1 control instead of `’`), strictly too: bytes the encoding does not
 * map are `invalid-bytes`. The encoding used is said in an info message
 * (`encoding-declared`) and kept as `file.data.encoding`; a label the standard does not know, or one no
 * decoder reads (`replacement`), is `unknown-encoding`.
 *
 * @returns the text without a byte order mark, or `undefined` after
 *   reporting an error on `file`.
 */
export async function decodeInput(file: VFile, limits: DecodeLimits, sniff?: EncodingSniffer): Promise<string | undefined> {
  const value = file.value;
  if (!sniff || typeof value === 'string' || file.messages.some((message) => message.fatal)) return decodeText(file, limits);
  if (!checkFileSize(file, value.byteLength, limits)) return undefined;
  const declaration = await sniff(value);
  if (!declaration) return decodeText(file, limits);
  // Loaded only for inputs whose ingester reads a declaration: most builds have none.
  const { normalizeEncoding, TextDecoder: StandardDecoder } = await import('@exodus/bytes/encoding.js');
  const encoding = normalizeEncoding(declaration.label);
  if (encoding === 'utf-8') return decodeText(file, limits, declaration);
  // `replacement` is the name the standard gives the encodings it refuses to decode (ISO-2022-KR,
  // HZ-GB-2312, …): a label of it is known, but its decoder would read the whole file as one U+FFFD.
  const decoder = encoding === null || encoding === 'replacement' ? undefined : new StandardDecoder(encoding, { fatal: true });
  if (!decoder) {
    report(
      file,
      'error',
      `The file declares an encoding that cannot be read: \`${declaration.label.trim()}\` (${declaration.source}) is ${
        encoding === null ? 'not a label of the WHATWG Encoding Standard' : 'an encoding the Encoding Standard does not decode'
      }`,
      rules.unknownEncoding,
      declaration.place,
    );
    return undefined;
  }
  let text: string;
  try {
    text = decoder.decode(value);
  } catch {
    // Where the first undecodable bytes are: the standard's lenient decoder replaces exactly those with
    // U+FFFD, and none of the legacy encodings encodes U+FFFD itself except the Unicode-complete
    // GB18030 and UTF-16, where a real U+FFFD before the bad bytes would be pointed at instead.
    const lenient = new StandardDecoder(encoding as string).decode(value);
    report(
      file,
      'error',
      `File is not valid ${decoder.encoding}, the encoding ${declaredBy(declaration)}: bytes it does not encode`,
      rules.invalidBytes,
      pointAtIndex(lenient, lenient.indexOf('\uFFFD')),
    );
    return undefined;
  }
  // A NUL byte is a NUL character in every encoding but UTF-16, whose text is full of NUL bytes.
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    report(file, 'error', 'File looks binary: it has a NUL character', rules.binaryFile, pointAtIndex(text, nul));
    return undefined;
  }
  report(file, 'info', `Read as ${decoder.encoding}, the encoding ${declaredBy(declaration)}`, rules.encodingDeclared, declaration.place);
  // For readers that check a declaration of their own against what was used (an XML declaration after a BOM).
  file.data.encoding = decoder.encoding;
  return notEmpty(file, text);
}

/** `its <meta> element declares (\`iso-8859-1\`)`: what declared an encoding, for messages. */
function declaredBy(declaration: EncodingDeclaration): string {
  return `${declaration.source} declares (\`${declaration.label.trim()}\`)`;
}

/**
 * Check an input's size against `limits.maxBytes`, and report
 * `file-too-large` (naming the size and the limit) when it is over. Readers
 * call this with the size from `stat` before reading, so that a huge file is
 * refused without being read into memory.
 *
 * @returns whether the size is within the limit.
 */
export function checkFileSize(file: VFile, size: number, limits: DecodeLimits): boolean {
  if (size <= limits.maxBytes) return true;
  report(file, 'error', `File is ${size} bytes, over the limit of ${limits.maxBytes}`, rules.fileTooLarge);
  return false;
}

function hex(byte: number | undefined): string {
  return (byte ?? 0).toString(16).padStart(2, '0').toUpperCase();
}

/**
 * Offset of the first byte that does not start or continue a valid UTF-8
 * sequence. Hand-written because `TextDecoder` reports only that decoding
 * failed, not where.
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index] ?? 0;
    const length =
      byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0) return index;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(index, index + length));
    } catch {
      return index;
    }
    index += length;
  }
  return Math.max(0, bytes.length - 1);
}

/** Line and column (1-based, in characters) of the character at `index` of `text`. */
function pointAtIndex(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, index));
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: before.length - lineStart + 1 };
}

/**
 * Line and column (1-based) of the byte at `offset`: where a bad byte or a declaration is. Lines end at byte 0x0A
 * (an ASCII-compatible encoding); columns count the characters `decoder` (default UTF-8) makes of the line's bytes
 * before it. Ingesters' encoding sniffers use it too, with a decoder of the encoding declared.
 */
export function pointAtByte(
  bytes: Uint8Array,
  offset: number,
  decoder: { decode(bytes: Uint8Array): string } = new TextDecoder(),
): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index++) {
    if (bytes[index] === 0x0a) {
      line++;
      lineStart = index + 1;
    }
  }
  // Columns count characters; the bytes before the bad one on this line are valid.
  const column = decoder.decode(bytes.subarray(lineStart, offset)).length + 1;
  return { line, column };
}
