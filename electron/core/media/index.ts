export { decodeBmp, readBmpHeader, type DecodedBmp } from './bmp';
export { renderDisplayImage, type DisplayImage } from './display';
export { MediaError, reasonOf } from './errors';
export {
  formatFromExtension,
  isImagePath,
  IMAGE_EXTENSIONS,
  sniffFormat,
  type ImageFormat,
} from './image-format';
export { THUMB_SIZE, thumbPathFor, type ItemOutcome, type ResolvedAnnotation } from './import-item';
export { decodePixels, inspectImage, type ImageInfo, type ImageSource, type Pixels } from './load';
export { decodeMaskBytes, decodeMaskFile } from './mask';
export { makePreview, previewPathFor } from './preview';
export { probeImage, type ImageProbe } from './probe';
export {
  processImportItems,
  type ProcessedItem,
  type ProcessOptions,
  type ProcessSummary,
} from './process-items';
export { readRawPixels, type RawPixels } from './raw';
export { makeThumbnail, type Thumbnail, type ThumbnailOptions } from './thumbnail';
export { WorkerPool, type WorkerPoolOptions } from './worker-pool';
