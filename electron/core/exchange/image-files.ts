import { copyFile, link, mkdir, symlink } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';

/** An image that cannot be put into the export; the sample is skipped with this reason. */
export class SkipSample extends Error {}

/**
 * Names the exported images and puts them in place. Names are the original file names, made
 * unique by stem across the whole export (labels, masks and JSON files are named after the
 * stem), case-insensitively because the export may be read on Windows or macOS.
 */
export class ImageFiles {
  private readonly stems = new Set<string>();
  private readonly madeDirs = new Set<string>();

  constructor(
    private readonly outDir: string,
    private readonly copy: boolean,
  ) {}

  /** A file name (`a.jpg`, or `a_17.jpg` when another image already took the stem `a`). */
  reserve(fileName: string, sampleId: number): { name: string; stem: string } {
    const ext = extname(fileName);
    let stem = basename(fileName, ext);
    if (this.stems.has(stem.toLowerCase())) stem = `${stem}_${sampleId}`;
    for (let n = 2; this.stems.has(stem.toLowerCase()); n++)
      stem = `${basename(fileName, ext)}_${sampleId}_${n}`;
    this.stems.add(stem.toLowerCase());
    return { name: `${stem}${ext}`, stem };
  }

  /**
   * Puts `source` at `relDest` (relative to the export): a copy when asked, else a hard link
   * (no space, same bytes), a symbolic link across file systems, a copy where neither works.
   */
  async place(source: string, relDest: string): Promise<void> {
    const dest = join(this.outDir, relDest);
    await this.ensureDir(dirname(dest));
    try {
      if (this.copy) await copyFile(source, dest);
      else await linkOrCopy(source, dest);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new SkipSample(
        code === 'ENOENT'
          ? `image file ${source} is missing; not exported`
          : `cannot write the image: ${(error as Error).message}`,
      );
    }
  }

  /** Creates a folder of the export once, however many files go into it. */
  async ensureDir(dir: string): Promise<void> {
    if (this.madeDirs.has(dir)) return;
    await mkdir(dir, { recursive: true });
    this.madeDirs.add(dir);
  }
}

async function linkOrCopy(source: string, dest: string): Promise<void> {
  try {
    await link(source, dest);
  } catch (error) {
    // A missing source must fail here: a symbolic link to it would be created without complaint.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error;
    await symlink(source, dest).catch(() => copyFile(source, dest));
  }
}
