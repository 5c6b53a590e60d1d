import { ExportFormat } from '../../../electron/contract/api-exchange';

const STORAGE_KEY = 'mau.export.v1';

/** What an ML engineer picks the same way export after export; the folder is new each time. */
export type SavedChoices = { format: ExportFormat; reviewedOnly: boolean; copyImages: boolean };

const DEFAULTS: SavedChoices = { format: 'coco', reviewedOnly: false, copyImages: false };

/** The last export's choices, or the defaults where none (or nothing valid) was stored. */
export function readChoices(): SavedChoices {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    const saved = raw ? (JSON.parse(raw) as Partial<Record<keyof SavedChoices, unknown>>) : {};
    const format = ExportFormat.safeParse(saved.format);
    return {
      format: format.success ? format.data : DEFAULTS.format,
      reviewedOnly: typeof saved.reviewedOnly === 'boolean' ? saved.reviewedOnly : DEFAULTS.reviewedOnly,
      copyImages: typeof saved.copyImages === 'boolean' ? saved.copyImages : DEFAULTS.copyImages,
    };
  } catch {
    return { ...DEFAULTS };
  }
}

export function saveChoices(choices: SavedChoices): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(choices));
}
