import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg, platform, release, totalmem } from 'node:os';

export type Machine = {
  cores: number;
  memoryGiB: number;
  cpuModel: string;
  os: string;
  node: string;
  chromium: string;
};

function chromiumVersion(): string {
  try {
    return execFileSync('/usr/bin/chromium', ['--version'], {
      encoding: 'utf8',
      timeout: 10_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'not found at /usr/bin/chromium';
  }
}

export function describeMachine(): Machine {
  return {
    cores: availableParallelism(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    os: `${platform()} ${release()}`,
    node: process.version,
    chromium: chromiumVersion(),
  };
}

/** The 1, 5 and 15 minute load averages, e.g. "3.10 / 2.87 / 2.50". */
export function loadAverage(): string {
  return loadavg()
    .map((v) => v.toFixed(2))
    .join(' / ');
}
