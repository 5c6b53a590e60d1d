export { mmadWriter, toMmad } from './mmad-writer';
export { parseMmad, readMmadFile } from './mmad-reader';
export * from './mmad-schema';
