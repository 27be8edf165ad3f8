import type { VFile } from 'vfile';
import { report } from './diagnostics.js';
import { rules } from './rules.js';

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
 * @returns the text without a byte order mark, or `undefined` after
 *   reporting an error on `file`.
 */
export function decodeText(file: VFile, limits: DecodeLimits): string | undefined {
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
      report(file, 'error', `File is not valid UTF-8: bad byte 0x${hex(bytes[offset])} at offset ${offset}`, rules.invalidUtf8, place);
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

  if (text.trim() === '') {
    report(file, 'error', 'File is empty', rules.emptyFile);
    return undefined;
  }
  return text;
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

function pointAtByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index++) {
    if (bytes[index] === 0x0a) {
      line++;
      lineStart = index + 1;
    }
  }
  // Columns count characters; the bytes before the bad one on this line are valid.
  const column = new TextDecoder().decode(bytes.subarray(lineStart, offset)).length + 1;
  return { line, column };
}
