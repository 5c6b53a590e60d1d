import type { ExportFormat } from '../../../electron/contract/api-exchange';

/** What a format holds and who reads it: enough to pick one without the manual. */
export const FORMAT_HINTS: Readonly<Record<ExportFormat, string>> = {
  coco: 'annotations.json with boxes and polygon outlines per image; Detectron2, MMDetection, CVAT',
  labelme: 'a JSON file beside each image with its polygons and rectangles; opens in LabelMe',
  'yolo-detect': 'a text file of class and box per image, plus data.yaml; Ultralytics detection training',
  'yolo-segment': 'a text file of class and outline per image, plus data.yaml; Ultralytics segmentation',
  mvtec: 'good images and defects by type with pixel masks, per category; anomalib and MVTec tools',
  mauset:
    'the five task levels as closed and open questions with masks, boxes and leak-free splits; MAU-GPT fine-tuning',
  mmad: 'multiple-choice questions per image in MMAD’s layout; benchmarking multimodal models',
};

/** Formats in the order they are offered: the common interchange formats first. */
export const FORMAT_ORDER: readonly ExportFormat[] = [
  'coco',
  'yolo-detect',
  'yolo-segment',
  'labelme',
  'mvtec',
  'mauset',
  'mmad',
];
