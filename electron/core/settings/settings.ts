import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

const RECENT_LIMIT = 12;

const SettingsFile = z.object({
  recentProjects: z.array(z.object({ dir: z.string(), name: z.string(), openedAt: z.string() })).default([]),
});
export type Settings = z.infer<typeof SettingsFile>;

export function defaultSettingsDir(): string {
  return process.env.MAU_STUDIO_SETTINGS_DIR ?? join(homedir(), '.config', 'mau-studio');
}

/** Preferences outside any project (recent projects). A broken file is set aside, never fatal. */
export class SettingsStore {
  private readonly file: string;

  constructor(private readonly dir: string = defaultSettingsDir()) {
    this.file = join(dir, 'settings.json');
  }

  read(): Settings {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return { recentProjects: [] };
    }
    const parsed = SettingsFile.safeParse(safeJson(text));
    if (parsed.success) return parsed.data;
    console.warn(`${this.file}: not a valid settings file, starting with defaults`);
    return { recentProjects: [] };
  }

  rememberProject(dir: string, name: string): void {
    const settings = this.read();
    const others = settings.recentProjects.filter((p) => p.dir !== dir);
    const recentProjects = [{ dir, name, openedAt: new Date().toISOString() }, ...others].slice(
      0,
      RECENT_LIMIT,
    );
    this.write({ ...settings, recentProjects });
  }

  private write(settings: Settings): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      const temp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(settings, null, 2));
      // rename is atomic, so a crash mid-write never leaves a truncated settings file
      renameSync(temp, this.file);
    } catch (error) {
      console.warn(`could not save settings in ${this.dir}: ${(error as Error).message}`);
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
