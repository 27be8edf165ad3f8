import { createHash } from 'node:crypto';
import type { Sharp } from 'sharp';
import { keptMetadata, type PhotoMetadata, readPhotoMetadata } from './metadata.js';
import type { CropOptions, ImageFormat, ResolvedImagesOptions } from './options.js';
import { imageRules } from './rules.js';
import { loadSharp, type SharpFactory } from './sharp.js';

/** A problem with one image, with the rule id it is reported under. */
export class ImageProblem extends Error {
  constructor(
    message: string,
    readonly ruleId: string,
  ) {
    super(message);
    this.name = 'ImageProblem';
  }
}

/** One rendition, made or taken from the cache. */
export interface RenditionFile {
  /** Output path, `images/<name>-<hash>-<width>.<ext>`. */
  path: string;
  width: number;
  height: number;
  mediaType: string;
  bytes: Uint8Array;
}

/** One crop of the lead photo to a fixed ratio, made or taken from the cache. */
export interface CropFile extends RenditionFile {
  /** `W:H`, e.g. `16:9`. */
  aspectRatio: string;
}

/** What an image is, for other adapters. */
export interface ImageFacts {
  /** Oriented (after EXIF rotation). */
  width: number;
  height: number;
  /** MIME type of the source. */
  mediaType: string;
  /** `#rrggbb`. */
  dominantColor: string;
  /** `data:image/webp;base64,…`, 16 pixels wide. */
  placeholder: string;
  metadata: PhotoMetadata;
}

/** The result of processing one source. */
export interface ProcessedImage {
  facts: ImageFacts;
  renditions: RenditionFile[];
  /** Crops to fixed ratios: made for a lead photo only (see {@link processImage}'s `crops`). */
  crops: CropFile[];
}

const mediaTypes: Record<string, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  heif: 'image/avif',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  tiff: 'image/tiff',
};
const extensions: Record<ImageFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg', png: 'png' };

/** Formats a file extension may claim, by extension. */
const extensionFormats: Record<string, string[]> = {
  jpg: ['jpeg'],
  jpeg: ['jpeg'],
  png: ['png'],
  webp: ['webp'],
  avif: ['heif'],
  gif: ['gif'],
  svg: ['svg'],
  tif: ['tiff'],
  tiff: ['tiff'],
};

/** The widths to make for an image `width` pixels wide: never upscaled; the original added when smaller than the largest. */
export function renditionWidths(width: number, widths: readonly number[]): number[] {
  const chosen = widths.filter((candidate) => candidate <= width);
  if (width < (widths.at(-1) ?? 0) && !chosen.includes(width)) chosen.push(width);
  return chosen.length > 0 ? chosen : [width];
}

/**
 * The hash in a rendition's name: the source bytes plus only the options
 * that change that format's output (its quality and the metadata kept).
 */
export function renditionHash(sourceHash: string, format: ImageFormat, options: ResolvedImagesOptions): string {
  return createHash('sha256')
    .update(`${sourceHash}\u0000${format}\u0000${options.quality[format]}\u0000${JSON.stringify(options.keep)}\u0000v1`)
    .digest('hex')
    .slice(0, 10);
}

/** The hash in a crop's name: the source bytes, the ratio and strategy, and what changes the JPEG. */
export function cropHash(sourceHash: string, ratio: string, crops: Required<CropOptions>, options: ResolvedImagesOptions): string {
  return createHash('sha256')
    .update(
      `${sourceHash}\u0000crop\u0000${ratio}\u0000${crops.position}\u0000${options.quality.jpeg}\u0000${JSON.stringify(options.keep)}\u0000v1`,
    )
    .digest('hex')
    .slice(0, 10);
}

/**
 * The size of a crop of a `width` × `height` photo to `ratio`: the crop
 * width asked for, or, when the photo itself is narrower, the width of the
 * largest area of that ratio in it (a small photo is never enlarged; the
 * AMP adapter warns about lead photos under 1,200 px).
 */
export function cropSize(width: number, height: number, ratio: string, cropWidth: number): { width: number; height: number } {
  const [w, h] = ratio.split(':').map(Number) as [number, number];
  const areaWidth = Math.min(width, Math.floor((height * w) / h));
  const target = width >= cropWidth ? cropWidth : areaWidth;
  return { width: target, height: Math.max(1, Math.round((target * h) / w)) };
}

/** SHA-256 of the source bytes. */
export function sourceHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Make every rendition of one image from a single decode: the source is
 * checked (format against extension, SVG references), decoded once to raw
 * sRGB pixels with EXIF orientation applied (sharp with `failOn: 'error'`,
 * so a truncated file fails, and `limitInputPixels`, so a decompression
 * bomb is refused before decoding), and each width and format is encoded
 * from those pixels. Renditions carry only the metadata `keep` allows.
 */
export async function processImage(
  bytes: Uint8Array,
  name: string,
  extension: string,
  options: ResolvedImagesOptions,
  hash: string = sourceHash(bytes),
  crops: Required<CropOptions> | false = false,
): Promise<ProcessedImage> {
  const sharp = await loadSharp();
  if (bytes.byteLength === 0) throw new ImageProblem('the file is empty', imageRules.unreadable.id);
  const input = { limitInputPixels: options.limitInputPixels, failOn: 'error' as const };
  const { metadata, format } = await checkSource(sharp, bytes, extension, options, input);
  let decoded: Pixels;
  try {
    const result = await sharp(bytes, input).rotate().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
    decoded = {
      data: result.data,
      width: result.info.width,
      height: result.info.height,
      channels: result.info.channels as Pixels['channels'],
    };
  } catch (error) {
    throw classify(error);
  }
  const photo = readPhotoMetadata(metadata);
  const { dominantColor, placeholder } = await colourAndPlaceholder(sharp, decoded);
  const source = { name, hash, kept: keptMetadata(photo, options.keep) };
  const renditions = await makeRenditions(sharp, decoded, source, options);
  return {
    facts: {
      width: decoded.width,
      height: decoded.height,
      mediaType: mediaTypes[format] ?? 'application/octet-stream',
      dominantColor,
      placeholder,
      metadata: photo,
    },
    renditions,
    crops: crops ? await makeCrops(sharp, decoded, source, crops, options) : [],
  };
}

/**
 * Crops to each ratio from the one decode, as JPEG (what every consumer of
 * structured data reads): sharp's `cover` resize scales the photo so that
 * the largest area of the ratio fills the crop, and `position` chooses which
 * area (attention, entropy or the centre). Deterministic: the same pixels
 * and options give the same crop.
 */
async function makeCrops(
  sharp: SharpFactory,
  decoded: Pixels,
  source: RenditionSource,
  crops: Required<CropOptions>,
  options: ResolvedImagesOptions,
): Promise<CropFile[]> {
  const position = crops.position === 'centre' ? 'centre' : sharp.strategy[crops.position];
  return Promise.all(
    crops.ratios.map(async (ratio): Promise<CropFile> => {
      const size = cropSize(decoded.width, decoded.height, ratio, crops.width);
      const cropped = await sharp(decoded.data, { raw: { width: decoded.width, height: decoded.height, channels: decoded.channels } })
        .resize(size.width, size.height, { fit: 'cover', position })
        .raw()
        .toBuffer({ resolveWithObject: true });
      const pixels: Pixels = {
        data: cropped.data,
        width: cropped.info.width,
        height: cropped.info.height,
        channels: cropped.info.channels as Pixels['channels'],
      };
      return {
        path: `${options.dir}/${source.name}-${cropHash(source.hash, ratio, crops, options)}-${ratio.replace(':', 'x')}-${size.width}.jpg`,
        width: size.width,
        height: size.height,
        mediaType: 'image/jpeg',
        aspectRatio: ratio,
        bytes: await encode(sharp, pixels, 'jpeg', source.kept, options),
      };
    }),
  );
}

/** Raw decoded pixels: sRGB, oriented. */
interface Pixels {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
}

type SourceMetadata = Awaited<ReturnType<Sharp['metadata']>>;

/**
 * Check the source before it is decoded: an SVG refers to nothing outside
 * itself, the format is what the extension says, and the declared pixel
 * count is within the limit. Returns sharp's metadata and the format.
 */
async function checkSource(
  sharp: SharpFactory,
  bytes: Uint8Array,
  extension: string,
  options: ResolvedImagesOptions,
  input: { limitInputPixels: number; failOn: 'error' },
): Promise<{ metadata: SourceMetadata; format: string }> {
  const isSvg = /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<svg[\s>]/i.test(
    Buffer.from(bytes.subarray(0, 4096)).toString('utf8'),
  );
  if (isSvg) checkSvg(Buffer.from(bytes).toString('utf8'));
  let metadata: SourceMetadata;
  try {
    metadata = await sharp(bytes, input).metadata();
  } catch (error) {
    throw classify(error);
  }
  const format = metadata.format ?? 'unknown';
  const claimed = extensionFormats[extension.toLowerCase()];
  if (claimed && !claimed.includes(format))
    throw new ImageProblem(`the file is ${format}, not what its .${extension} extension says`, imageRules.typeMismatch.id);
  if (!claimed && !isSvg) throw new ImageProblem(`.${extension} is not an image extension syndikit reads`, imageRules.typeMismatch.id);
  if ((metadata.width ?? 0) * (metadata.height ?? 0) > options.limitInputPixels) {
    throw new ImageProblem(
      `it declares ${metadata.width}×${metadata.height} pixels, over the limit of ${options.limitInputPixels}`,
      imageRules.tooLarge.id,
    );
  }
  return { metadata, format };
}

/** The dominant colour and a 16-pixel WebP placeholder, from a small copy: a full-size pass would cost as much as a rendition. */
async function colourAndPlaceholder(sharp: SharpFactory, decoded: Pixels): Promise<{ dominantColor: string; placeholder: string }> {
  const raw = { raw: { width: decoded.width, height: decoded.height, channels: decoded.channels } };
  const thumbnail = await sharp(decoded.data, raw).resize(64).toBuffer({ resolveWithObject: true });
  const small = { raw: { width: thumbnail.info.width, height: thumbnail.info.height, channels: thumbnail.info.channels } };
  const stats = await sharp(thumbnail.data, small).stats();
  const dominant = `#${[stats.dominant.r, stats.dominant.g, stats.dominant.b].map((value) => value.toString(16).padStart(2, '0')).join('')}`;
  const tiny = await sharp(thumbnail.data, small).resize(16).webp({ quality: 40 }).toBuffer();
  return { dominantColor: dominant, placeholder: `data:image/webp;base64,${tiny.toString('base64')}` };
}

/** What names a rendition and what it carries besides pixels. */
interface RenditionSource {
  /** The image's name, first part of each rendition's file name. */
  name: string;
  /** SHA-256 of the source bytes. */
  hash: string;
  /** The metadata `keep` allows. */
  kept: ReturnType<typeof keptMetadata>;
}

/**
 * Every width from the one decode, largest first, each resized from the
 * one before it (a cascade reads far fewer pixels than resizing the full
 * image every time); formats encoded concurrently. Sorted by width, then
 * by the order of `options.formats`.
 */
async function makeRenditions(
  sharp: SharpFactory,
  decoded: Pixels,
  source: RenditionSource,
  options: ResolvedImagesOptions,
): Promise<RenditionFile[]> {
  const { width, height } = decoded;
  const renditions: RenditionFile[] = [];
  let current = decoded;
  for (const target of [...renditionWidths(width, options.widths)].sort((a, b) => b - a)) {
    const targetHeight = Math.max(1, Math.round((height * target) / width));
    if (target !== current.width) current = await resize(sharp, current, target, targetHeight);
    const pixels = current;
    const encoded = await Promise.all(
      options.formats.map(
        async (outputFormat): Promise<RenditionFile> => ({
          path: `${options.dir}/${source.name}-${renditionHash(source.hash, outputFormat, options)}-${target}.${extensions[outputFormat]}`,
          width: target,
          height: targetHeight,
          mediaType: mediaTypes[outputFormat] as string,
          bytes: await encode(sharp, pixels, outputFormat, source.kept, options),
        }),
      ),
    );
    renditions.push(...encoded);
  }
  return renditions.sort((a, b) => a.width - b.width || options.formats.indexOf(formatOf(a)) - options.formats.indexOf(formatOf(b)));
}

async function resize(sharp: SharpFactory, pixels: Pixels, width: number, height: number): Promise<Pixels> {
  const resized = await sharp(pixels.data, { raw: { width: pixels.width, height: pixels.height, channels: pixels.channels } })
    .resize(width, height)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    data: resized.data,
    width: resized.info.width,
    height: resized.info.height,
    channels: resized.info.channels as Pixels['channels'],
  };
}

/** Encode one rendition in one format, with only the kept metadata. */
async function encode(
  sharp: SharpFactory,
  pixels: Pixels,
  format: ImageFormat,
  kept: ReturnType<typeof keptMetadata>,
  options: ResolvedImagesOptions,
): Promise<Buffer> {
  // No ICC profile is attached: the pixels are sRGB already, and untagged images are read as sRGB.
  let pipeline = sharp(pixels.data, { raw: { width: pixels.width, height: pixels.height, channels: pixels.channels } });
  if (Object.keys(kept.exif).length > 0) pipeline = pipeline.withExif({ IFD0: kept.exif });
  if (kept.xmp) pipeline = pipeline.withXmp(kept.xmp);
  const quality = options.quality[format];
  const output =
    format === 'jpeg'
      ? pipeline.flatten({ background: '#ffffff' }).jpeg({ quality })
      : format === 'webp'
        ? pipeline.webp({ quality })
        : format === 'avif'
          ? pipeline.avif({ quality, effort: 3 })
          : pipeline.png({ quality, compressionLevel: 9 });
  return output.toBuffer();
}

function formatOf(rendition: RenditionFile): ImageFormat {
  return (Object.entries(mediaTypes).find(([, type]) => type === rendition.mediaType)?.[0] ?? 'jpeg') as ImageFormat;
}

/**
 * An SVG may not refer to anything outside itself: librsvg would read
 * local files or fetch URLs named in `href`, `xlink:href` or CSS `url()`,
 * and entity declarations can expand without bound.
 */
function checkSvg(text: string): void {
  if (/<!ENTITY/i.test(text)) throw new ImageProblem('the SVG declares entities', imageRules.svgExternal.id);
  for (const match of text.matchAll(/(?:xlink:)?href\s*=\s*["']([^"']*)["']|url\(\s*["']?([^"')]*)/gi)) {
    const reference = (match[1] ?? match[2] ?? '').trim();
    if (reference && !reference.startsWith('#') && !reference.startsWith('data:')) {
      throw new ImageProblem(`the SVG refers to another file (${reference.slice(0, 60)})`, imageRules.svgExternal.id);
    }
  }
}

function classify(error: unknown): ImageProblem {
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message))
    return new ImageProblem('it is larger than the pixel limit (a decompression bomb?)', imageRules.tooLarge.id);
  if (/unsupported image format|bad seek|Input buffer contains/i.test(message))
    return new ImageProblem('it is not an image syndikit can read', imageRules.unreadable.id);
  return new ImageProblem(`it could not be decoded (${message.split('\n')[0]})`, imageRules.unreadable.id);
}
