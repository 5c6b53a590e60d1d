export { detectFormat, type Detected } from './detect';
export { scanSource } from './scan';
export type { ImportAnnotation, ImportItem, ScanOptions, ScanResult } from './types';
