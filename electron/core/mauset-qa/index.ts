export { buildQa, OK_IMAGE_POLICY } from './build-qa';
export { positionOf } from './position';
export { displayName, knowledgeOf } from './knowledge';
export * from './types';
