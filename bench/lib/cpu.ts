/**
 * Where the CPU went, from /proc (Linux; elsewhere the figures are empty): per group of process
 * trees (e.g. "api", "PostgreSQL" with all its backends), for the whole machine, and the busiest
 * processes over a short window — to tell what shared the cores with a benchmark.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    } catch {
      ticksPerSecond = 100;
    }
    if (!Number.isFinite(ticksPerSecond) || ticksPerSecond <= 0) ticksPerSecond = 100;
  }
  return ticksPerSecond;
}

interface ProcStat {
  pid: number;
  ppid: number;
  comm: string;
  /** utime + stime, in ticks. */
  ticks: number;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = s.lastIndexOf(')');
    const comm = s.slice(s.indexOf('(') + 1, close);
    const f = s.slice(close + 2).split(' ');
    // After the command: state(0) ppid(1) … utime(11) stime(12).
    return { pid, ppid: Number(f[1]), comm, ticks: Number(f[11]) + Number(f[12]) };
  } catch {
    return undefined;
  }
}

function allStats(): ProcStat[] {
  let pids: number[];
  try {
    pids = readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .map(Number);
  } catch {
    return [];
  }
  return pids.map(readStat).filter((s): s is ProcStat => s !== undefined);
}

/** Busy and total jiffies of the whole machine (all cores). */
function machineTicks(): { busy: number; total: number } | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = v[3] + (v[4] ?? 0);
    const total = v.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return undefined;
  }
}

function treeTicks(stats: ProcStat[], roots: number[]): number {
  const children = new Map<number, ProcStat[]>();
  for (const s of stats) {
    const list = children.get(s.ppid);
    if (list) list.push(s);
    else children.set(s.ppid, [s]);
  }
  const byPid = new Map(stats.map((s) => [s.pid, s]));
  let sum = 0;
  const seen = new Set<number>();
  const stack = [...roots];
  while (stack.length) {
    const pid = stack.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    sum += byPid.get(pid)?.ticks ?? 0;
    for (const c of children.get(pid) ?? []) stack.push(c.pid);
  }
  return sum;
}

export interface CpuShare {
  /** CPU seconds used in the window. */
  cpuSeconds: number;
  /** Average cores busy (1.0 = one core fully used). */
  cores: number;
}

export interface CpuWindow {
  seconds: number;
  /** Each named group (its process trees), plus `machine` (all cores) and `other` (the rest). */
  groups: Record<string, CpuShare>;
}

/**
 * Samples CPU time of named process trees. `groups` is read at every sample, so processes
 * started later can be added. Children of the benchmark process are excluded from its own
 * group when they are named in another group.
 */
export class CpuMeter {
  private startAt = 0;
  private startTicks = new Map<string, number>();
  private startMachine?: { busy: number; total: number };

  constructor(private readonly groups: () => Record<string, number[]>) {}

  private sample(): Map<string, number> {
    const stats = allStats();
    const out = new Map<string, number>();
    const named = this.groups();
    const claimed = new Set(Object.values(named).flat());
    for (const [name, roots] of Object.entries(named)) {
      let ticks = treeTicks(stats, roots);
      // A group whose root is this process: without the children named elsewhere.
      if (roots.includes(process.pid)) {
        const own = stats.filter((s) => s.ppid === process.pid && claimed.has(s.pid));
        ticks -= treeTicks(
          stats,
          own.map((s) => s.pid),
        );
      }
      out.set(name, ticks);
    }
    return out;
  }

  start(): void {
    this.startAt = performance.now();
    this.startTicks = this.sample();
    this.startMachine = machineTicks();
  }

  stop(): CpuWindow {
    const seconds = (performance.now() - this.startAt) / 1000;
    const end = this.sample();
    const hz = clockTicks();
    const groups: Record<string, CpuShare> = {};
    let ours = 0;
    for (const [name, ticks] of end) {
      const cpu = Math.max(0, ticks - (this.startTicks.get(name) ?? ticks)) / hz;
      ours += cpu;
      groups[name] = share(cpu, seconds);
    }
    const m = machineTicks();
    if (m && this.startMachine) {
      const cpu = (m.busy - this.startMachine.busy) / hz;
      groups.machine = share(cpu, seconds);
      groups.other = share(Math.max(0, cpu - ours), seconds);
    }
    return { seconds: Math.round(seconds * 10) / 10, groups };
  }
}

function share(cpuSeconds: number, seconds: number): CpuShare {
  return {
    cpuSeconds: Math.round(cpuSeconds * 100) / 100,
    cores: seconds > 0 ? Math.round((cpuSeconds / seconds) * 100) / 100 : 0,
  };
}

export interface BusyProcess {
  pid: number;
  /** Average cores used over the window. */
  cores: number;
  command: string;
}

/** The processes that used the most CPU over the next `ms` milliseconds. */
export async function busiestProcesses(ms = 2000, top = 8): Promise<BusyProcess[]> {
  const before = new Map(allStats().map((s) => [s.pid, s.ticks]));
  await new Promise((r) => setTimeout(r, ms));
  const hz = clockTicks();
  return allStats()
    .map((s) => ({ pid: s.pid, ticks: s.ticks - (before.get(s.pid) ?? s.ticks), comm: s.comm }))
    .filter((s) => s.ticks > 0)
    .sort((a, b) => b.ticks - a.ticks)
    .slice(0, top)
    .map((s) => ({
      pid: s.pid,
      cores: Math.round((s.ticks / hz / (ms / 1000)) * 100) / 100,
      command: commandLine(s.pid) || s.comm,
    }));
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim().slice(0, 160);
  } catch {
    return '';
  }
}

/** The CPU of several windows (the rounds of one measurement) as one. */
export function mergeCpuWindows(windows: CpuWindow[]): CpuWindow {
  const seconds = windows.reduce((a, w) => a + w.seconds, 0);
  const cpu = new Map<string, number>();
  for (const w of windows)
    for (const [name, s] of Object.entries(w.groups))
      cpu.set(name, (cpu.get(name) ?? 0) + s.cpuSeconds);
  return {
    seconds: Math.round(seconds * 10) / 10,
    groups: Object.fromEntries([...cpu].map(([name, c]) => [name, share(c, seconds)])),
  };
}

/**
 * CPU milliseconds per operation by group (`machine` left out, `other` kept: the CPU others
 * used meanwhile, per operation of ours), plus `ours`: the sum of the named groups.
 */
export function cpuPerOperation(cpu: CpuWindow, operations: number): Record<string, number> {
  const out: Record<string, number> = {};
  let ours = 0;
  for (const [name, s] of Object.entries(cpu.groups)) {
    if (name === 'machine') continue;
    const ms = operations > 0 ? (s.cpuSeconds * 1000) / operations : 0;
    out[name] = Math.round(ms * 10) / 10;
    if (name !== 'other') ours += ms;
  }
  out.ours = Math.round(ours * 10) / 10;
  return out;
}
