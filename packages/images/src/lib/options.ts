import { availableParallelism } from 'node:os';
import ipaddr from 'ipaddr.js';

/** Output formats the adapter can write. */
export type ImageFormat = 'avif' | 'webp' | 'jpeg' | 'png';

/** Which descriptive metadata survives into renditions. GPS and camera serials never do. */
export interface KeepMetadata {
  /** Copyright notice. Default `true`. */
  copyright?: boolean;
  /** Creator (photographer). Default `true`. */
  creator?: boolean;
  /** Credit line. Default `true`. */
  credit?: boolean;
}

/** Where a crop keeps the photo: sharp's strategies, or the middle. */
export type CropPosition = 'attention' | 'entropy' | 'centre';

/**
 * Fixed-ratio crops of each article's lead photo, for Google's NewsArticle
 * `image` (16:9, 4:3 and 1:1, at least 1,200 px wide) and other previews.
 */
export interface CropOptions {
  /** Aspect ratios as `W:H`. Default `['16:9', '4:3', '1:1']`. */
  ratios?: string[];
  /**
   * Width of each crop in pixels. Default `1200`, Google's minimum for large
   * previews. A crop is cut from the largest area of its ratio in the photo
   * and scaled to this width (enlarged, when that area is narrower: a 1:1
   * crop of a 1200 × 800 photo is 800 px square before it is scaled), unless
   * the photo itself is narrower, when the crop keeps the area's own width.
   */
  width?: number;
  /**
   * Which part of the photo a crop keeps: `attention` (sharp's strategy: the
   * region with the most luminance frequency, colour saturation and skin
   * tones — people, in news photos), `entropy` (the busiest region) or
   * `centre`. Default `'attention'` (see the README for what was measured).
   */
  position?: CropPosition;
}

/** Remote images: off unless configured. */
export interface RemoteOptions {
  /** Fetch `https://` images at all. Default `false`. */
  allow?: boolean;
  /** Host names that may be fetched from (exact match). Default `[]`: none. */
  hosts?: string[];
  /** Largest response, in bytes. Default `20_000_000`. */
  maxBytes?: number;
  /** Longest wait for the next bytes (connecting, or between chunks), in milliseconds. Default `15_000`. */
  timeoutMs?: number;
  /**
   * Longest time for one fetch in all (lookup, connection, redirects and
   * the whole body), in milliseconds, so a server trickling bytes cannot
   * hold a build. Default `30_000`.
   */
  deadlineMs?: number;
  /** Redirects followed (each checked like the first URL). Default `3`. */
  maxRedirects?: number;
  /**
   * Allow addresses that are not global unicast (loopback, private,
   * link-local, …): `true` for all of them, or a list of addresses and CIDR
   * ranges (`['10.20.0.0/16']`) for those only. For intranets and tests
   * only: it re-opens server-side request forgery. Default `false`.
   */
  allowPrivateAddresses?: boolean | string[];
  /**
   * Extra certificate authorities (PEM) trusted for remote images, beside
   * Node's own: for an intranet CA, or a test server's self-signed
   * certificate. Default `[]`.
   */
  ca?: string[];
}

/** Options for {@link imagesAdapter}. */
export interface ImagesOptions {
  /** Rendition widths in pixels; never upscaled; the original width is added when smaller. Default `[320, 640, 960, 1280, 1920]`. */
  widths?: number[];
  /** Output formats. Default `['avif', 'webp', 'jpeg']`. */
  formats?: ImageFormat[];
  /** Quality by format (1–100). Defaults: AVIF 50, WebP 75, JPEG 80 (progressive), PNG 90. */
  quality?: Partial<Record<ImageFormat, number>>;
  /** Folder under the output directory. Default `'images'`. */
  dir?: string;
  /**
   * Persistent cache folder, safe to keep between CI runs, relative to the
   * build's working directory; `false` for none. Default: `images` inside
   * the build's cache folder (`syndikit build --cache-dir`, config
   * `cacheDir`; a temporary one with `--no-cache`), and no persistent cache
   * when the run has none (`convert` without `cacheDir`).
   */
  cacheDir?: string | false;
  /** Metadata kept in renditions. Default: copyright, creator and credit. */
  keep?: KeepMetadata;
  /** Largest input in pixels (width × height); larger images are refused before decoding. Default `100_000_000`. */
  limitInputPixels?: number;
  /** Images processed at once. Default: the machine's available parallelism. */
  concurrency?: number;
  /** Remote images. Default: not fetched. */
  remote?: RemoteOptions;
  /** Crops of the lead photo, as JPEG; `false` for none. Default: see {@link CropOptions}. */
  crops?: CropOptions | false;
}

/** {@link ImagesOptions} with defaults applied. */
export interface ResolvedImagesOptions {
  widths: number[];
  formats: ImageFormat[];
  quality: Record<ImageFormat, number>;
  dir: string;
  /** `undefined`: the run's cache folder, see {@link ImagesOptions.cacheDir}. */
  cacheDir: string | false | undefined;
  keep: Required<KeepMetadata>;
  limitInputPixels: number;
  concurrency: number;
  remote: Required<RemoteOptions>;
  crops: Required<CropOptions> | false;
}

/** A fresh copy of the defaults, each documented on {@link ImagesOptions}. */
export function defaultImagesOptions(): ResolvedImagesOptions {
  return {
    widths: [320, 640, 960, 1280, 1920],
    formats: ['avif', 'webp', 'jpeg'],
    quality: { avif: 50, webp: 75, jpeg: 80, png: 90 },
    dir: 'images',
    cacheDir: undefined,
    keep: { copyright: true, creator: true, credit: true },
    limitInputPixels: 100_000_000,
    concurrency: Math.max(1, availableParallelism()),
    remote: {
      allow: false,
      hosts: [],
      maxBytes: 20_000_000,
      timeoutMs: 15_000,
      deadlineMs: 30_000,
      maxRedirects: 3,
      allowPrivateAddresses: false,
      ca: [],
    },
    crops: { ratios: ['16:9', '4:3', '1:1'], width: 1200, position: 'attention' },
  };
}

/**
 * Apply defaults, merging nested options (`quality`, `keep`, `remote`) key
 * by key rather than replacing them. Throws a `TypeError` saying what was
 * expected and what arrived.
 */
export function resolveImagesOptions(options?: Readonly<ImagesOptions> | null): ResolvedImagesOptions {
  const resolved = defaultImagesOptions();
  if (!options) return resolved;
  const fail = (key: string, expected: string, value: unknown): never => {
    throw new TypeError(`Expected ${expected} for images option \`${key}\` but received ${JSON.stringify(value)} of type ${typeof value}`);
  };
  const positiveInteger = (value: unknown) => Number.isInteger(value) && (value as number) > 0;
  if (options.widths !== undefined) {
    if (!Array.isArray(options.widths) || options.widths.length === 0 || !options.widths.every(positiveInteger))
      fail('widths', 'a list of positive integers', options.widths);
    resolved.widths = [...new Set(options.widths)].sort((a, b) => a - b);
  }
  if (options.formats !== undefined) {
    const known = ['avif', 'webp', 'jpeg', 'png'];
    if (!Array.isArray(options.formats) || options.formats.length === 0 || !options.formats.every((format) => known.includes(format))) {
      fail('formats', 'a list of avif, webp, jpeg, png', options.formats);
    }
    resolved.formats = [...new Set(options.formats)];
  }
  for (const [format, quality] of Object.entries(options.quality ?? {})) {
    if (!(format in resolved.quality)) fail(`quality.${format}`, 'a known format', format);
    if (!Number.isInteger(quality) || (quality as number) < 1 || (quality as number) > 100)
      fail(`quality.${format}`, 'an integer from 1 to 100', quality);
    resolved.quality[format as ImageFormat] = quality as number;
  }
  if (options.dir !== undefined) {
    if (typeof options.dir !== 'string' || !/^[\w-]+(\/[\w-]+)*$/.test(options.dir)) fail('dir', 'a relative folder name', options.dir);
    resolved.dir = options.dir;
  }
  if (options.cacheDir !== undefined) {
    if (options.cacheDir !== false && (typeof options.cacheDir !== 'string' || options.cacheDir === ''))
      fail('cacheDir', 'a folder or false', options.cacheDir);
    resolved.cacheDir = options.cacheDir;
  }
  for (const [key, value] of Object.entries(options.keep ?? {})) {
    if (!(key in resolved.keep) || typeof value !== 'boolean') fail(`keep.${key}`, 'a boolean for copyright, creator or credit', value);
    resolved.keep[key as keyof KeepMetadata] = value as boolean;
  }
  if (options.limitInputPixels !== undefined) {
    if (!positiveInteger(options.limitInputPixels)) fail('limitInputPixels', 'a positive integer', options.limitInputPixels);
    resolved.limitInputPixels = options.limitInputPixels;
  }
  if (options.concurrency !== undefined) {
    if (!positiveInteger(options.concurrency)) fail('concurrency', 'a positive integer', options.concurrency);
    resolved.concurrency = options.concurrency;
  }
  const remote = options.remote ?? {};
  if (remote.allow !== undefined) resolved.remote.allow = remote.allow === true;
  if (remote.hosts !== undefined) {
    if (!Array.isArray(remote.hosts) || !remote.hosts.every((host) => typeof host === 'string'))
      fail('remote.hosts', 'a list of host names', remote.hosts);
    resolved.remote.hosts = remote.hosts.map((host) => host.toLowerCase());
  }
  for (const key of ['maxBytes', 'timeoutMs', 'maxRedirects'] as const) {
    const value = remote[key];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 0) fail(`remote.${key}`, 'a non-negative integer', value);
    resolved.remote[key] = value;
  }
  if (remote.deadlineMs !== undefined) {
    if (!positiveInteger(remote.deadlineMs)) fail('remote.deadlineMs', 'a positive integer', remote.deadlineMs);
    resolved.remote.deadlineMs = remote.deadlineMs;
  }
  if (Array.isArray(remote.allowPrivateAddresses)) {
    const list = remote.allowPrivateAddresses;
    if (!list.every((entry) => typeof entry === 'string' && (ipaddr.isValid(entry) || ipaddr.isValidCIDR(entry))))
      fail('remote.allowPrivateAddresses', 'true, false or a list of IP addresses and CIDR ranges', list);
    resolved.remote.allowPrivateAddresses = [...list];
  } else if (remote.allowPrivateAddresses !== undefined) resolved.remote.allowPrivateAddresses = remote.allowPrivateAddresses === true;
  if (remote.ca !== undefined) {
    if (!Array.isArray(remote.ca) || !remote.ca.every((pem) => typeof pem === 'string' && pem.includes('-----BEGIN CERTIFICATE-----')))
      fail('remote.ca', 'a list of PEM certificates', remote.ca);
    resolved.remote.ca = [...remote.ca];
  }
  resolved.crops = resolveCrops(options.crops, resolved.crops, fail);
  return resolved;
}

/** The crop options over their defaults; `false` for none. */
function resolveCrops(
  crops: CropOptions | false | undefined,
  defaults: Required<CropOptions> | false,
  fail: (key: string, expected: string, value: unknown) => never,
): Required<CropOptions> | false {
  if (crops === false) return false;
  if (crops === undefined || defaults === false) return defaults;
  if (typeof crops !== 'object' || crops === null) fail('crops', 'false or { ratios?, width?, position? }', crops);
  const resolved = { ...defaults, ratios: [...defaults.ratios] };
  if (crops.ratios !== undefined) {
    if (
      !Array.isArray(crops.ratios) ||
      crops.ratios.length === 0 ||
      !crops.ratios.every((ratio) => typeof ratio === 'string' && /^[1-9]\d*:[1-9]\d*$/.test(ratio))
    )
      fail('crops.ratios', 'a list of ratios such as "16:9"', crops.ratios);
    resolved.ratios = [...new Set(crops.ratios)];
  }
  if (crops.width !== undefined) {
    if (!Number.isInteger(crops.width) || crops.width < 16 || crops.width > 8192)
      fail('crops.width', 'an integer from 16 to 8192', crops.width);
    resolved.width = crops.width;
  }
  if (crops.position !== undefined) {
    if (!['attention', 'entropy', 'centre'].includes(crops.position))
      fail('crops.position', 'attention, entropy or centre', crops.position);
    resolved.position = crops.position;
  }
  return resolved;
}
