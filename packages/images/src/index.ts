export { imagesAdapter } from './lib/adapter.js';
export { ImageCache } from './lib/cache.js';
export type { PhotoMetadata } from './lib/metadata.js';
export { keptMetadata, readIptc, readPhotoMetadata } from './lib/metadata.js';
export type {
  CropOptions,
  CropPosition,
  ImageFormat,
  ImagesOptions,
  KeepMetadata,
  RemoteOptions,
  ResolvedImagesOptions,
} from './lib/options.js';
export { defaultImagesOptions, resolveImagesOptions } from './lib/options.js';
export type { CropFile, ImageFacts, ProcessedImage, RenditionFile } from './lib/process.js';
export { cropHash, cropSize, ImageProblem, processImage, renditionHash, renditionWidths, sourceHash } from './lib/process.js';
export type { FetchOptions } from './lib/remote.js';
export { addressAllowed, fetchRemote, isPrivateAddress, remoteRefusal } from './lib/remote.js';
export type { ImageRuleId } from './lib/rules.js';
export { imageRules } from './lib/rules.js';
export { sharpProblem } from './lib/sharp.js';
export type { SniffedType } from './lib/sniff.js';
export { sniffImageType } from './lib/sniff.js';
