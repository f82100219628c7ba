/**
 * Memory of the soak's processes: VmRSS / VmHWM from /proc/<pid>/status (the whole process), and
 * per thread V8 heap figures after a full GC from heap-preload.js (loaded into the product's
 * worker and API through NODE_OPTIONS).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { round } from '../lib';

export const HEAP_PRELOAD = join(__dirname, 'heap-preload.js');

const MiB = 2 ** 20;

/** VmRSS and VmHWM (peak) of a process in MiB; undefined when it is gone. */
export function procMemory(pid: number): { rssMB: number; hwmMB: number } | undefined {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(s)?.[1]);
    return { rssMB: round(kb('VmRSS') / 1024), hwmMB: round(kb('VmHWM') / 1024) };
  } catch {
    return undefined;
  }
}

export interface ThreadHeap {
  threadId: number;
  isMainThread: boolean;
  heapUsedMB: number;
  heapTotalMB: number;
  externalMB: number;
  mallocedMB: number;
  gcMs: number;
}

export interface MemorySnapshot {
  tag: string;
  at: string;
  pid: number;
  /** From /proc after the GC. */
  vmRssMB: number;
  vmHwmMB: number;
  /** V8's heap limit of the main thread (it sets the SDK's default cache size). */
  heapLimitMB: number;
  mainThread?: ThreadHeap;
  /** Threads other than the main one: the SDK's workflow thread(s), where workflows are cached. */
  otherThreads: ThreadHeap[];
  /** Sum over all threads. */
  heapUsedMB: number;
}

interface RawHeap {
  tag: string;
  pid: number;
  threadId: number;
  isMainThread: boolean;
  gcMs: number;
  heapUsed: number;
  heapTotal: number;
  heapLimit: number;
  external: number;
  malloced: number;
}

/**
 * Asks every preloaded thread to collect garbage and report (a new tag in the request file),
 * waits for the main thread and at least `minThreads - 1` others of `pid`, then reads /proc.
 */
export async function memorySnapshot(
  prefix: string,
  pid: number,
  tag: string,
  minThreads: number,
  timeoutMs = 20_000,
): Promise<MemorySnapshot> {
  const id = `${tag}@${Date.now()}`;
  writeFileSync(`${prefix}.request`, id);
  const dir = dirname(prefix);
  const base = `${basename(prefix)}-${pid}-`;
  const deadline = Date.now() + timeoutMs;
  let threads: RawHeap[] = [];
  for (;;) {
    threads = readdirSync(dir)
      .filter((f) => f.startsWith(base) && f.endsWith('.json'))
      .map((f) => join(dir, f))
      .filter((f) => existsSync(f))
      .map((f) => {
        try {
          return JSON.parse(readFileSync(f, 'utf8')) as RawHeap;
        } catch {
          return undefined;
        }
      })
      .filter((h): h is RawHeap => h !== undefined && h.tag === id);
    if (threads.some((t) => t.isMainThread) && threads.length >= minThreads) break;
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  // Let the threads settle after their GCs, then the process as a whole.
  await new Promise((r) => setTimeout(r, 300));
  const mem = procMemory(pid);
  const view = (h: RawHeap): ThreadHeap => ({
    threadId: h.threadId,
    isMainThread: h.isMainThread,
    heapUsedMB: round(h.heapUsed / MiB),
    heapTotalMB: round(h.heapTotal / MiB),
    externalMB: round(h.external / MiB),
    mallocedMB: round(h.malloced / MiB),
    gcMs: h.gcMs,
  });
  const main = threads.find((t) => t.isMainThread);
  return {
    tag,
    at: new Date().toISOString(),
    pid,
    vmRssMB: mem?.rssMB ?? NaN,
    vmHwmMB: mem?.hwmMB ?? NaN,
    heapLimitMB: main ? main.heapLimit / MiB : NaN,
    mainThread: main ? view(main) : undefined,
    otherThreads: threads.filter((t) => !t.isMainThread).map(view),
    heapUsedMB: round(threads.reduce((a, t) => a + t.heapUsed, 0) / MiB),
  };
}

export function describeMemory(name: string, m: MemorySnapshot): string {
  const others = m.otherThreads.map((t) => `${t.heapUsedMB}`).join('+') || '-';
  return `${name} [${m.tag}]: RSS ${m.vmRssMB} MiB (peak ${m.vmHwmMB}), V8 heap used ${m.heapUsedMB} MiB (main ${m.mainThread?.heapUsedMB ?? '-'}, workflow thread ${others})`;
}

/**
 * The SDK's default `maxCachedWorkflows` for a worker with `reuseV8Context` (the default) and
 * this heap limit: @temporalio/worker 1.x worker-options.js,
 * max(floor((heapLimitMiB - 200) × 600 / 1024), 10).
 */
export function defaultMaxCachedWorkflows(heapLimitMB: number): number {
  return Math.max(Math.floor((Math.max(heapLimitMB - 200, 0) * 600) / 1024), 10);
}
