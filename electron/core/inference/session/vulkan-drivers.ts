import { readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

/** What the driver search reads from the machine; tests give their own. */
export type DriverSearch = {
  env: Record<string, string | undefined>;
  home: string;
  /** Entries of a folder, or [] when it cannot be read. */
  list: (dir: string) => string[];
  isFile: (path: string) => boolean;
};

const machine: DriverSearch = {
  env: process.env,
  home: homedir(),
  list: (dir) => {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  },
  isFile: (path) => {
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  },
};

const paths = (value: string | undefined): string[] => (value ?? '').split(delimiter).filter(Boolean);

/**
 * The folders the Linux Vulkan loader reads driver manifests from when no variable names them:
 * the XDG config folders, /etc, then the XDG data folders (its documented search order).
 */
export function vulkanDriverFolders(env: DriverSearch['env'], home: string): string[] {
  const configHome = env.XDG_CONFIG_HOME || join(home, '.config');
  const configDirs = paths(env.XDG_CONFIG_DIRS || '/etc/xdg');
  const dataHome = env.XDG_DATA_HOME || join(home, '.local', 'share');
  const dataDirs = paths(env.XDG_DATA_DIRS || '/usr/local/share:/usr/share');
  const roots = [configHome, ...configDirs, '/usr/local/etc', '/etc', dataHome, ...dataDirs];
  return [...new Set(roots.map((root) => join(root, 'vulkan', 'icd.d')))];
}

/** Driver manifests (.json) the loader would find: the files or folders a variable names, else its folders. */
export function vulkanDriverManifests(search: DriverSearch = machine): string[] {
  const { env } = search;
  const named = paths(env.VK_DRIVER_FILES || env.VK_ICD_FILENAMES);
  const places = [
    ...paths(env.VK_ADD_DRIVER_FILES),
    ...(named.length > 0 ? named : vulkanDriverFolders(env, search.home)),
  ];
  return places.flatMap((place) =>
    search.isFile(place)
      ? [place]
      : search
          .list(place)
          .filter((name) => name.endsWith('.json'))
          .map((name) => join(place, name)),
  );
}

/**
 * Why WebGPU cannot start here, when that is known before trying: on Linux onnxruntime's WebGPU
 * runs on Vulkan, and with no Vulkan driver installed the attempt only fails, after the native
 * layer has printed "vkCreateInstance failed" warnings to the terminal.
 */
export function webgpuUnavailableReason(
  platform: NodeJS.Platform = process.platform,
  search: DriverSearch = machine,
): string | undefined {
  if (platform !== 'linux' || vulkanDriverManifests(search).length > 0) return undefined;
  return 'no Vulkan driver is installed (no manifest in /usr/share/vulkan/icd.d or the loader’s other folders; VK_DRIVER_FILES names one elsewhere)';
}
