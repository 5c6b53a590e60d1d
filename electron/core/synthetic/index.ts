export { DEFECT_TYPES, type DefectType } from './defects/defect';
export { DOMAIN_NAMES, DOMAINS, type DomainName } from './domains';
export { generateSample, type DefectTruth, type SampleSpec, type SyntheticSample } from './generate';
export { SYNTHETIC_MANIFEST_FILE, SyntheticManifest, type SyntheticSampleRecord } from './manifest';
export { parseSyntheticOptions, SyntheticOptions, type SyntheticOptionsInput } from './options';
export { planDataset, type PlannedSample } from './plan';
export { encodeImagePng, encodeMaskPng } from './png';
export { createRng, mixSeed, type Rng } from './prng';
export { writeSyntheticDataset, type WriteProgress } from './writer';
