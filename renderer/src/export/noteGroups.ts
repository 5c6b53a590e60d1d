import type { NotRepresentable } from '../../../electron/contract/api-exchange';

/** Notes with one reason: a format that cannot hold polygons says so once per region. */
export type NoteGroup = {
  reason: string;
  count: number;
  /** The files it names, in report order, at most `keep`. */
  files: string[];
  /** About the export as a whole (file "."), not one image. */
  wholeExport: boolean;
};

/** Groups the report's notes by reason: the export's own first, then the most frequent. */
export function groupNotes(notes: readonly NotRepresentable[], keep = 5): NoteGroup[] {
  const groups = new Map<string, NoteGroup>();
  for (const note of notes) {
    const wholeExport = note.file === '.';
    const key = `${wholeExport ? 0 : 1}\u0000${note.reason}`;
    const group = groups.get(key) ?? { reason: note.reason, count: 0, files: [], wholeExport };
    group.count += 1;
    if (!wholeExport && group.files.length < keep && !group.files.includes(note.file))
      group.files.push(note.file);
    groups.set(key, group);
  }
  return [...groups.values()].sort(
    (a, b) => Number(a.wholeExport ? 0 : 1) - Number(b.wholeExport ? 0 : 1) || b.count - a.count,
  );
}
