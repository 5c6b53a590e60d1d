/** Characters no file system accepts in a name, or that would make a name a path. */
const UNSAFE = new Set([...'/\\:*?"<>|']);

/** A defect type or category as a folder name; leading dots would hide the folder. */
export function folderName(name: string): string {
  const chars = [...name.trim()].map((c) => (UNSAFE.has(c) || c.charCodeAt(0) < 32 ? '_' : c));
  const safe = chars.join('').replace(/^\.+/, '_');
  return safe === '' ? '_' : safe;
}

/**
 * A normalised coordinate with ten decimals: off by at most 5·10^-11 of the image size (under
 * 10^-5 px up to 10^5 px wide), without the float noise of shortest round-trip printing.
 */
export function fraction(value: number): string {
  const text = value.toFixed(10).replace(/0+$/, '').replace(/\.$/, '');
  return text === '-0' ? '0' : text;
}
