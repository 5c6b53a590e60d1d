import { newItem, walkImages } from './item';
import type { Scanner } from './types';

/** Any folder of images: every image, nothing known about it. */
export const scanFolder: Scanner = async (context) => {
  const images = await walkImages(context);
  return images.map((path) => newItem(context, path));
};
