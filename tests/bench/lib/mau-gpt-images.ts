import { join } from 'node:path';
import { repoRoot } from './repo';

export const SHIPPED_MAU_GPT = join(repoRoot, 'models', 'mau-gpt-mini');
const sharedData = join(repoRoot, '..', 'shared', 'data');

/** One image per dataset and size class: BSData 1130×460 frames, DeepPCB 640×640 boards, NEU-DET 200×200 steel. */
export const FIVE_ANSWER_IMAGES = [
  'bsdata/data/01_200905201421_395000_270_crop_2.jpg',
  'deeppcb/PCBData/group00041/00041/00041001_test.jpg',
  'neu-det/IMAGES/crazing_1.jpg',
].map((file) => join(sharedData, file));

/** Each image's category and noun, as a job passes them (the defect-type head keeps to the category's labels). */
export const FIVE_ANSWER_SAMPLES = [
  { category: 'ball_screw', object: 'ball screw' },
  { category: 'pcb', object: 'PCB' },
  { category: 'steel_surface', object: 'steel surface' },
];
