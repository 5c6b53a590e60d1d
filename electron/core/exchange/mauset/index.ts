export { mausetWriter } from './mauset-writer';
export { assertSomeLabel } from './no-labels';
export * from './record-schema';
