export { ProjectStore, type CreateOptions } from './project-store';
export { isProjectDir, DB_FILE, CACHE_DIR } from './project-files';
export { canonicalPath, isWithin } from './image-roots';
export { DEFECT_PALETTE } from './palette';
export { migrations } from './migrations';
export type { Migration } from './migrate';
export type * from './types';
export type { PredictionInput } from './predictions';
