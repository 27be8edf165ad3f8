/**
 * What an image file is, from its first bytes (its "magic number"), not from
 * its name: remote images often come from CDN URLs without an extension, and
 * a server may send something else than the URL suggests. sharp's own
 * metadata confirms the type later (`processImage` checks that it agrees).
 */

/** Image types syndikit reads, by the file extension that stands for them. */
export type SniffedType = 'jpg' | 'png' | 'gif' | 'webp' | 'avif' | 'svg';

/** AVIF files are ISO-BMFF (`ftyp` box) with one of these brands, major or compatible. */
const avifBrands = new Set(['avif', 'avis']);

/** Whether `bytes` starts with `prefix` at `offset`. */
function startsWith(bytes: Uint8Array, prefix: readonly number[] | string, offset = 0): boolean {
  const expected = typeof prefix === 'string' ? [...prefix].map((character) => character.charCodeAt(0)) : prefix;
  if (bytes.byteLength < offset + expected.length) return false;
  return expected.every((value, index) => bytes[offset + index] === value);
}

/** An SVG document: optional XML declaration, comments and doctype, then `<svg`. */
export function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 4096))
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<svg[\s>]/i.test(head);
}

/**
 * The type of an image from its first bytes: JPEG, PNG, GIF, WebP, AVIF or
 * SVG; `undefined` for anything else (HTML error pages, JSON, archives,
 * HEIC without an AVIF brand).
 */
export function sniffImageType(bytes: Uint8Array): SniffedType | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, 'GIF87a') || startsWith(bytes, 'GIF89a')) return 'gif';
  if (startsWith(bytes, 'RIFF') && startsWith(bytes, 'WEBP', 8)) return 'webp';
  if (startsWith(bytes, 'ftyp', 4) && bytes.byteLength >= 16) {
    // The `ftyp` box: size (4 bytes), 'ftyp', major brand, minor version, then compatible brands to the box's end.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const boxSize = Math.min(view.getUint32(0), bytes.byteLength);
    const brands = [Buffer.from(bytes.subarray(8, 12)).toString('latin1')];
    for (let offset = 16; offset + 4 <= boxSize; offset += 4)
      brands.push(Buffer.from(bytes.subarray(offset, offset + 4)).toString('latin1'));
    if (brands.some((brand) => avifBrands.has(brand))) return 'avif';
    return undefined;
  }
  if (looksLikeSvg(bytes)) return 'svg';
  return undefined;
}
