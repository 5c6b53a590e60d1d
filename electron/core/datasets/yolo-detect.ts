import { LIST_FILES, YAML_FILES } from './yolo-classes';

/** A YOLO dataset announces itself by its class file, or by parallel images/ and labels/ trees. */
export function looksLikeYolo(dirs: ReadonlySet<string>, files: readonly string[]): string | null {
  const named = files.find((f) => YAML_FILES.includes(f) || LIST_FILES.includes(f));
  if (named) return named;
  if (dirs.has('images') && dirs.has('labels')) return 'images/ and labels/';
  return null;
}
