import { describe, expect, it } from 'vitest';
import {
  vulkanDriverFolders,
  vulkanDriverManifests,
  webgpuUnavailableReason,
  type DriverSearch,
} from '../../../electron/core/inference/session/vulkan-drivers';

/** A machine of the given files: folders are every path prefix of them. */
function machineWith(files: string[], env: DriverSearch['env'] = {}): DriverSearch {
  return {
    env,
    home: '/home/qa',
    isFile: (path) => files.includes(path),
    list: (dir) => files.filter((f) => f.startsWith(`${dir}/`)).map((f) => f.slice(dir.length + 1)),
  };
}

describe('Vulkan driver search (Linux loader rules)', () => {
  it('reads the XDG config folders, /etc, then the XDG data folders', () => {
    expect(vulkanDriverFolders({}, '/home/qa')).toEqual([
      '/home/qa/.config/vulkan/icd.d',
      '/etc/xdg/vulkan/icd.d',
      '/usr/local/etc/vulkan/icd.d',
      '/etc/vulkan/icd.d',
      '/home/qa/.local/share/vulkan/icd.d',
      '/usr/local/share/vulkan/icd.d',
      '/usr/share/vulkan/icd.d',
    ]);
    expect(vulkanDriverFolders({ XDG_DATA_DIRS: '/opt/a:/opt/b' }, '/h')).toContain('/opt/b/vulkan/icd.d');
  });

  it('finds an installed driver manifest and ignores other files', () => {
    const nvidia = '/usr/share/vulkan/icd.d/nvidia_icd.json';
    const search = machineWith([nvidia, '/usr/share/vulkan/icd.d/README']);
    expect(vulkanDriverManifests(search)).toEqual([nvidia]);
    expect(webgpuUnavailableReason('linux', search)).toBeUndefined();
  });

  it('lets VK_DRIVER_FILES or VK_ICD_FILENAMES replace the folders, and VK_ADD_DRIVER_FILES add to them', () => {
    const swiftshader = '/usr/lib/chromium/vk_swiftshader_icd.json';
    const installed = '/etc/vulkan/icd.d/intel_icd.json';
    expect(vulkanDriverManifests(machineWith([swiftshader], { VK_ICD_FILENAMES: swiftshader }))).toEqual([
      swiftshader,
    ]);
    // a variable naming drivers hides the folders, even one that holds a driver
    expect(vulkanDriverManifests(machineWith([installed], { VK_DRIVER_FILES: '/nowhere.json' }))).toEqual([]);
    expect(
      vulkanDriverManifests(machineWith([installed, swiftshader], { VK_ADD_DRIVER_FILES: swiftshader })),
    ).toEqual([swiftshader, installed]);
  });

  it('says WebGPU cannot start on Linux without a driver, and why', () => {
    const reason = webgpuUnavailableReason('linux', machineWith([]));
    expect(reason).toMatch(/no Vulkan driver is installed/);
    expect(reason).toMatch(/VK_DRIVER_FILES/);
  });

  it('leaves Windows and macOS to try (WebGPU runs on Direct3D and Metal there)', () => {
    expect(webgpuUnavailableReason('win32', machineWith([]))).toBeUndefined();
    expect(webgpuUnavailableReason('darwin', machineWith([]))).toBeUndefined();
  });
});
