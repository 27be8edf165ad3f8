import exifReader from 'exif-reader';
import type { Metadata } from 'sharp';
import type { KeepMetadata } from './options.js';

/** What a photo says about itself, from EXIF, IPTC and XMP. */
export interface PhotoMetadata {
  caption?: string;
  credit?: string;
  creator?: string;
  copyright?: string;
}

/**
 * Read caption, credit, creator and copyright from a photo's EXIF, IPTC
 * (IIM) and XMP blocks. IPTC wins over XMP, XMP over EXIF, as news
 * photographers' tools fill IPTC first.
 */
export function readPhotoMetadata(metadata: Pick<Metadata, 'exif' | 'iptc' | 'xmp'>): PhotoMetadata {
  const fromExif = readExif(metadata.exif);
  const fromXmp = readXmp(metadata.xmp);
  const fromIptc = readIptc(metadata.iptc);
  const merged: PhotoMetadata = {};
  for (const key of ['caption', 'credit', 'creator', 'copyright'] as const) {
    const value = fromIptc[key] ?? fromXmp[key] ?? fromExif[key];
    if (value) merged[key] = value;
  }
  return merged;
}

function clean(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: EXIF strings are NUL-padded
  const text = value.replace(/[\u0000-\u001f]+/g, ' ').trim();
  return text || undefined;
}

function readExif(buffer: Buffer | undefined): PhotoMetadata {
  if (!buffer) return {};
  try {
    const exif = exifReader(buffer) as { Image?: Record<string, unknown> };
    const result: PhotoMetadata = {};
    const caption = clean(exif.Image?.ImageDescription);
    const creator = clean(exif.Image?.Artist);
    const copyright = clean(exif.Image?.Copyright);
    if (caption) result.caption = caption;
    if (creator) result.creator = creator;
    if (copyright) result.copyright = copyright;
    return result;
  } catch {
    return {};
  }
}

/**
 * IPTC IIM datasets of record 2: 120 caption, 110 credit, 80 by-line, 116
 * copyright. Hand-written: the format is a flat list of tagged fields
 * (0x1C, record, dataset, 16-bit length, value), and no maintained npm
 * package reads it without pulling in a full metadata toolkit.
 */
export function readIptc(buffer: Buffer | undefined): PhotoMetadata {
  if (!buffer) return {};
  const fields = new Map<number, string>();
  let index = 0;
  while (index + 5 <= buffer.length) {
    if (buffer[index] !== 0x1c) {
      index++;
      continue;
    }
    const record = buffer[index + 1];
    const dataset = buffer[index + 2] ?? 0;
    const length = ((buffer[index + 3] ?? 0) << 8) | (buffer[index + 4] ?? 0);
    const start = index + 5;
    if (length & 0x8000 || start + length > buffer.length) break;
    if (record === 2 && !fields.has(dataset)) fields.set(dataset, buffer.subarray(start, start + length).toString('utf8'));
    index = start + length;
  }
  const result: PhotoMetadata = {};
  const caption = clean(fields.get(120));
  const credit = clean(fields.get(110));
  const creator = clean(fields.get(80));
  const copyright = clean(fields.get(116));
  if (caption) result.caption = caption;
  if (credit) result.credit = credit;
  if (creator) result.creator = creator;
  if (copyright) result.copyright = copyright;
  return result;
}

function readXmp(buffer: Buffer | undefined): PhotoMetadata {
  if (!buffer) return {};
  const xml = buffer.toString('utf8');
  const element = (name: string) => {
    const match = new RegExp(`<${name}[^>]*>([\\s\\S]*?)</${name}>`).exec(xml)?.[1];
    if (!match) return undefined;
    const item = /<rdf:li[^>]*>([\s\S]*?)<\/rdf:li>/.exec(match)?.[1] ?? match;
    return clean(decodeXml(item));
  };
  const attribute = (name: string) => clean(decodeXml(new RegExp(`${name}="([^"]*)"`).exec(xml)?.[1] ?? ''));
  const result: PhotoMetadata = {};
  const caption = element('dc:description');
  const credit = element('photoshop:Credit') ?? attribute('photoshop:Credit');
  const creator = element('dc:creator');
  const copyright = element('dc:rights');
  if (caption) result.caption = caption;
  if (credit) result.credit = credit;
  if (creator) result.creator = creator;
  if (copyright) result.copyright = copyright;
  return result;
}

function decodeXml(value: string): string {
  return value
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The metadata renditions keep, as EXIF fields and an XMP packet: only
 * what `keep` allows of creator, copyright and credit. Nothing else of the
 * source survives (no GPS, no camera serials), because renditions are
 * written without the source's metadata.
 */
export function keptMetadata(
  photo: PhotoMetadata,
  keep: Required<KeepMetadata>,
): { exif: Record<string, string>; xmp: string | undefined } {
  const exif: Record<string, string> = {};
  const parts: string[] = [];
  if (keep.creator && photo.creator) {
    exif.Artist = photo.creator;
    parts.push(`<dc:creator><rdf:Seq><rdf:li>${escapeXml(photo.creator)}</rdf:li></rdf:Seq></dc:creator>`);
  }
  if (keep.copyright && photo.copyright) {
    exif.Copyright = photo.copyright;
    parts.push(`<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(photo.copyright)}</rdf:li></rdf:Alt></dc:rights>`);
  }
  if (keep.credit && photo.credit) parts.push(`<photoshop:Credit>${escapeXml(photo.credit)}</photoshop:Credit>`);
  if (parts.length === 0) return { exif, xmp: undefined };
  const xmp = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">${parts.join('')}</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
  return { exif, xmp };
}
