const MIN_TAIL = 12;
const TAIL_SHARE = 0.45;
/** How far back from the plain cut a separator may move it, so the tail starts at a word. */
const SNAP = 6;
const SEPARATOR = /[_\-. /\\]/;

/**
 * A long name as a head that may be cut short (with an ellipsis) and a tail that always shows:
 * the end of a file name (sequence number, position, extension) tells images apart more often
 * than its start (camera, date prefix), so it is the middle that gives way, as file browsers do.
 */
export function splitName(name: string): { head: string; tail: string } {
  const length = Math.min(name.length - 1, Math.max(MIN_TAIL, Math.ceil(name.length * TAIL_SHARE)));
  if (length <= 0 || name.length <= MIN_TAIL) return { head: name, tail: '' };
  let cut = name.length - length;
  for (let i = cut; i >= Math.max(1, cut - SNAP); i--) {
    if (SEPARATOR.test(name[i - 1]!)) {
      cut = i;
      break;
    }
  }
  return { head: name.slice(0, cut), tail: name.slice(cut) };
}
