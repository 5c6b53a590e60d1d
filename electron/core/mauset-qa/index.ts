export { buildQa, OK_IMAGE_POLICY } from './build-qa';
export { positionOf } from './position';
export { whereAnswer, type RegionPlace } from './localization';
export { DESCRIBED, largestFirst, looksAnswer } from './description';
export { displayName, knowledgeOf } from './knowledge';
export * from './types';
