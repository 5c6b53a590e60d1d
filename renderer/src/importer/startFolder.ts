/**
 * Where the import dialog's folder browser opens: the folder that holds the project's image
 * folders (where the next batch usually lands beside the last), else the home folder. Roots on
 * different disks share only a filesystem root, which is no better a start than home.
 */
export function importStartFolder(imageRoots: readonly string[], home: string): string {
  if (imageRoots.length === 0) return home;
  const separator = imageRoots[0]!.includes('\\') && !imageRoots[0]!.includes('/') ? '\\' : '/';
  const parents = imageRoots.map((root) => {
    const parts = root.split(/[\\/]+/);
    return parts.slice(0, Math.max(1, parts.length - 1));
  });
  const common: string[] = [];
  for (let i = 0; parents.every((p) => i < p.length && p[i] === parents[0]![i]); i++) {
    common.push(parents[0]![i]!);
  }
  // ['', 'work'] is /work; [''] alone is the root, and ['C:'] a bare drive
  const meaningful = common.filter(Boolean).length >= 1 && !(common.length === 1 && /:$/.test(common[0]!));
  return meaningful ? common.join(separator) : home;
}
