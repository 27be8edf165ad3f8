export { imagesAdapter } from './lib/adapter.js';
export { ImageCache } from './lib/cache.js';
export type { PhotoMetadata } from './lib/metadata.js';
export { keptMetadata, readIptc, readPhotoMetadata } from './lib/metadata.js';
export type { ImageFormat, ImagesOptions, KeepMetadata, RemoteOptions, ResolvedImagesOptions } from './lib/options.js';
export { defaultImagesOptions, resolveImagesOptions } from './lib/options.js';
export type { ImageFacts, ProcessedImage, RenditionFile } from './lib/process.js';
export { ImageProblem, processImage, renditionHash, renditionWidths, sourceHash } from './lib/process.js';
export { fetchRemote, isPrivateAddress, remoteRefusal } from './lib/remote.js';
