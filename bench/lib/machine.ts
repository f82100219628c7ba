/** What machine a benchmark ran on, and what else was running on it. */
import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg, totalmem, freemem } from 'node:os';
import { BusyProcess, busiestProcesses } from './cpu';

export interface MachineInfo {
  node: string;
  platform: string;
  cpu: string;
  /** `nproc`. */
  cores: number;
  memoryGiB: number;
  temporalCli?: string;
}

export function machineInfo(): MachineInfo {
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  };
}

export interface LoadSnapshot {
  at: string;
  /** `uptime`'s load averages (1, 5, 15 min). */
  loadAverage: number[];
  freeMemoryGiB: number;
  /** The busiest processes over a 2-second window (this benchmark's own included). */
  busiest: BusyProcess[];
}

export async function loadSnapshot(windowMs = 2000): Promise<LoadSnapshot> {
  const busiest = await busiestProcesses(windowMs);
  return {
    at: new Date().toISOString(),
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    freeMemoryGiB: Math.round((freemem() / 2 ** 30) * 10) / 10,
    busiest,
  };
}

export function describeLoad(s: LoadSnapshot): string[] {
  return [
    `load average ${s.loadAverage.join(' ')}, ${s.freeMemoryGiB} GiB free`,
    ...s.busiest
      .filter((p) => p.cores >= 0.02)
      .map((p) => `  ${p.cores.toFixed(2)} cores  pid ${p.pid}  ${p.command.slice(0, 110)}`),
  ];
}

export function temporalCliVersion(cliPath: string): string | undefined {
  try {
    return execFileSync(cliPath, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}
