/** The frame every benchmark shares: machine facts, load before and after, CPU per measurement. */
import { CpuMeter, CpuWindow } from './cpu';
import { ProfileSummary, describeProfile, summarizeProfile } from './cpuprofile';
import { LoadSnapshot, MachineInfo, describeLoad, loadSnapshot, machineInfo } from './machine';

export class BenchRun {
  readonly machine: MachineInfo = machineInfo();
  readonly startedAt = new Date().toISOString();
  before?: LoadSnapshot;
  after?: LoadSnapshot;

  constructor(readonly name: string) {}

  log = (line: string): void => {
    process.stdout.write(`[${this.name}] ${line}\n`);
  };

  /** What else is using the machine: call before starting anything, and again at the end. */
  async snapshotLoad(when: 'before' | 'after'): Promise<LoadSnapshot> {
    const s = await loadSnapshot();
    this[when] = s;
    this.log(`${when}: ${describeLoad(s).join('\n')}`);
    return s;
  }

  header(): void {
    const m = this.machine;
    this.log(`${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, node ${m.node}, ${m.platform}`);
  }

  conditions() {
    return {
      machine: this.machine,
      startedAt: this.startedAt,
      loadBefore: this.before,
      loadAfter: this.after,
    };
  }
}

/** Runs `fn` while measuring the CPU of the named process trees. */
export async function withCpu<T>(
  groups: () => Record<string, number[]>,
  fn: () => Promise<T>,
): Promise<{ value: T; cpu: CpuWindow }> {
  const meter = new CpuMeter(groups);
  meter.start();
  const value = await fn();
  return { value, cpu: meter.stop() };
}

/** `api 0.62, worker 0.31, … other 0.05 (machine 1.90 of 2 cores)`. */
export function describeCpu(cpu: CpuWindow, cores: number): string {
  const { machine, other, ...groups } = cpu.groups;
  const parts = Object.entries(groups)
    .sort((a, b) => b[1].cores - a[1].cores)
    .map(([name, s]) => `${name} ${s.cores.toFixed(2)}`);
  if (other) parts.push(`not ours ${other.cores.toFixed(2)}`);
  return `cores busy: ${parts.join(', ')}${machine ? ` (machine ${machine.cores.toFixed(2)} of ${cores})` : ''}`;
}

/** A positive number from the environment, or the default. */
export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const v = Number(raw);
  if (!Number.isFinite(v) || v <= 0)
    throw new Error(`${name} must be a positive number, got "${raw}"`);
  return v;
}

/** A comma-separated list of positive integers from the environment, or the default. */
export function envLevels(name: string, fallback: number[]): number[] {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const v = raw.split(',').map((s) => Number(s.trim()));
  if (v.some((x) => !Number.isInteger(x) || x <= 0))
    throw new Error(`${name} must be positive integers separated by commas, got "${raw}"`);
  return v;
}

/**
 * Runs `fn` with the stack's CPU profilers on (when the stack was started with `app.profile`)
 * and summarizes each profiled child's profile; without profiling it just runs `fn`.
 */
export async function withProfiles<T>(
  stack: { profile(): () => Promise<Record<string, string>> },
  label: string,
  enabled: boolean,
  log: (line: string) => void,
  fn: () => Promise<T>,
): Promise<{ value: T; profiles?: Record<string, ProfileSummary> }> {
  if (!enabled) return { value: await fn() };
  const stop = stack.profile();
  const value = await fn();
  const files = await stop();
  const profiles: Record<string, ProfileSummary> = {};
  for (const [name, file] of Object.entries(files)) {
    profiles[name] = summarizeProfile(file);
    for (const line of describeProfile(`${name} during ${label}`, profiles[name])) log(line);
  }
  return { value, profiles };
}

/**
 * Two measurements in ABBA order (A, B, B, A): on a machine whose background load drifts, both
 * see it alike. Each gets its part number (0, 1); returns each one's two parts in order.
 */
export async function abba<A, B>(
  a: (part: number) => Promise<A>,
  b: (part: number) => Promise<B>,
): Promise<{ a: [A, A]; b: [B, B] }> {
  const a0 = await a(0);
  const b0 = await b(0);
  const b1 = await b(1);
  const a1 = await a(1);
  return { a: [a0, a1], b: [b0, b1] };
}
