/**
 * A closed-loop, concurrency-limited load runner: `concurrency` slots each run one operation
 * after another until `total` operations have been issued or `maxSeconds` have passed. Shows a
 * progress line about every second (done/total, rate overall and over the last second, p50).
 *
 * Throughput is reported over the steady window (from the start until the last operation was
 * issued, while every slot was busy) and over the whole run (including the drain at the end,
 * when fewer and fewer slots are busy). Latencies are of every completed operation.
 */
import { LatencySummary, percentile, rate, summarize } from './stats';

export interface LoadOptions<T = unknown> {
  /** Label for the progress line, e.g. `baseline c=50`. */
  label: string;
  concurrency: number;
  /** Operations to issue (the run stops issuing at this count or at `maxSeconds`). */
  total: number;
  maxSeconds?: number;
  /** One operation. `i` is the issue index (0…total-1), `slot` the slot (0…concurrency-1). */
  op: (i: number, slot: number) => Promise<T>;
  /** Called with each successful result (e.g. to collect extra timings). */
  onResult?: (result: T, i: number, latencyMs: number) => void;
  /** Where progress goes; default stdout. Pass `null` for none. */
  log?: ((line: string) => void) | null;
  progressEveryMs?: number;
  /** Stop at the first error instead of counting it. */
  failFast?: boolean;
  /**
   * End the run with a `LoadStalled` error when operations are in flight and none has finished
   * (succeeded or failed) for this many seconds — a server that stopped answering ends its
   * measurement instead of hanging the benchmark. Default: wait for ever.
   */
  stallSeconds?: number;
}

/** The run ended because nothing finished for `stallSeconds` (the operations still in flight are left). */
export class LoadStalled extends Error {
  constructor(
    readonly label: string,
    readonly seconds: number,
    readonly inFlight: number,
    readonly completed: number,
  ) {
    super(
      `${label}: stalled — nothing finished for ${seconds} s with ${inFlight} operations in flight (${completed} completed before)`,
    );
  }
}

export interface LoadResult {
  label: string;
  concurrency: number;
  issued: number;
  completed: number;
  errors: number;
  /** Up to five distinct error messages. */
  errorSamples: string[];
  /** Wall time of the whole run, drain included. */
  elapsedMs: number;
  /**
   * The steady window: from when every slot has completed about one operation until issuing
   * stopped (every slot busy throughout).
   */
  steadyMs: number;
  /** Completions per second in the steady window. */
  rate: number;
  /** Completions per second over the whole run, drain included. */
  overallRate: number;
  latency: LatencySummary;
  /** Completion offsets (ms since start) and latencies, for charts; not written by default. */
  samples: { atMs: number; latencyMs: number }[];
}

export async function runLoad<T>(opts: LoadOptions<T>): Promise<LoadResult> {
  const log = opts.log === undefined ? (l: string) => process.stdout.write(`${l}\n`) : opts.log;
  const deadline = opts.maxSeconds ? performance.now() + opts.maxSeconds * 1000 : Infinity;
  const samples: { atMs: number; latencyMs: number }[] = [];
  const errorSamples = new Set<string>();
  let issued = 0;
  let errors = 0;
  let steadyEnd = 0;
  let firstError: unknown;
  let inFlight = 0;
  const start = performance.now();
  let lastFinished = start;

  let lastTick = start;
  let lastDone = 0;
  const progress = () => {
    const now = performance.now();
    const done = samples.length;
    const recent = samples.slice(-200).map((s) => s.latencyMs);
    const instant = rate(done - lastDone, now - lastTick);
    lastTick = now;
    lastDone = done;
    log?.(
      `  [${opts.label}] ${done}/${opts.total} done, ${((now - start) / 1000).toFixed(0)} s, ` +
        `${rate(done, now - start).toFixed(1)}/s (last second ${instant.toFixed(1)}/s), ` +
        `p50 ${recent.length ? percentile(recent, 50).toFixed(0) : '-'} ms` +
        (errors ? `, ${errors} errors` : ''),
    );
  };
  const timer = log ? setInterval(progress, opts.progressEveryMs ?? 1000) : undefined;

  const slot = async (s: number) => {
    for (;;) {
      if (issued >= opts.total || performance.now() >= deadline || firstError !== undefined) {
        if (!steadyEnd) steadyEnd = performance.now();
        return;
      }
      const i = issued++;
      const t0 = performance.now();
      inFlight++;
      try {
        const result = await opts.op(i, s);
        const t1 = performance.now();
        samples.push({ atMs: t1 - start, latencyMs: t1 - t0 });
        opts.onResult?.(result, i, t1 - t0);
      } catch (err) {
        errors++;
        const msg = err instanceof Error ? err.message : String(err);
        if (errorSamples.size < 5) errorSamples.add(msg.slice(0, 300));
        if (opts.failFast && firstError === undefined) firstError = err;
      } finally {
        inFlight--;
        lastFinished = performance.now();
      }
    }
  };

  // The watchdog: a run whose operations stopped finishing ends with LoadStalled.
  let watchdog: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    const limit = opts.stallSeconds;
    if (!limit) return;
    watchdog = setInterval(() => {
      if (inFlight > 0 && performance.now() - lastFinished > limit * 1000) {
        const e = new LoadStalled(opts.label, limit, inFlight, samples.length);
        if (firstError === undefined) firstError = e; // no slot issues more
        reject(e);
      }
    }, 1000);
  });
  try {
    await Promise.race([
      Promise.all(Array.from({ length: opts.concurrency }, (_, s) => slot(s))),
      stalled,
    ]);
  } finally {
    if (timer) clearInterval(timer);
    if (watchdog) clearInterval(watchdog);
  }
  if (firstError !== undefined)
    throw firstError instanceof Error ? firstError : new Error(JSON.stringify(firstError));
  const end = performance.now();
  // The steady window: from when every slot has completed about one operation (the pipeline is
  // full) until issuing stopped (the deadline, or the first slot left idle).
  const windowEnd = Math.min(steadyEnd, deadline) - start;
  const full = samples[opts.concurrency - 1]?.atMs;
  const windowStart = full !== undefined && full < windowEnd / 2 ? full : 0;
  const inWindow = samples.filter((s) => s.atMs > windowStart && s.atMs <= windowEnd).length;
  const steadyMs = windowEnd - windowStart;
  const result: LoadResult = {
    label: opts.label,
    concurrency: opts.concurrency,
    issued,
    completed: samples.length,
    errors,
    errorSamples: [...errorSamples],
    elapsedMs: Math.round(end - start),
    steadyMs: Math.round(steadyMs),
    rate: rate(inWindow, steadyMs),
    overallRate: rate(samples.length, end - start),
    latency: summarize(samples.map((s) => s.latencyMs)),
    samples,
  };
  log?.(
    `  [${opts.label}] finished: ${result.completed} ok, ${errors} errors in ${(result.elapsedMs / 1000).toFixed(1)} s; ` +
      `${result.rate}/s steady; p50 ${result.latency.p50Ms} ms, p99 ${result.latency.p99Ms} ms`,
  );
  return result;
}

/** Runs `fn` over `items` with at most `concurrency` at once (setup work, no timing). */
export async function mapLimit<A, B>(
  items: readonly A[],
  concurrency: number,
  fn: (item: A, index: number) => Promise<B>,
): Promise<B[]> {
  const out = new Array<B>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return out;
}

/** A LoadResult without its raw samples (for JSON files). */
export function withoutSamples(r: LoadResult): Omit<LoadResult, 'samples'> {
  const { samples: _samples, ...rest } = r;
  return rest;
}

/** One result from the parts of a measurement taken in several rounds (e.g. ABBA order). */
export function mergeLoadResults(label: string, parts: LoadResult[]): LoadResult {
  const samples = parts.flatMap((p) => p.samples);
  const steadyMs = parts.reduce((a, p) => a + p.steadyMs, 0);
  const elapsedMs = parts.reduce((a, p) => a + p.elapsedMs, 0);
  const completed = parts.reduce((a, p) => a + p.completed, 0);
  return {
    label,
    concurrency: parts[0]?.concurrency ?? 0,
    issued: parts.reduce((a, p) => a + p.issued, 0),
    completed,
    errors: parts.reduce((a, p) => a + p.errors, 0),
    errorSamples: [...new Set(parts.flatMap((p) => p.errorSamples))].slice(0, 5),
    elapsedMs,
    steadyMs,
    // Completions in the steady windows over their total length.
    rate: rate(
      parts.reduce((a, p) => a + (p.rate * p.steadyMs) / 1000, 0),
      steadyMs,
    ),
    overallRate: rate(completed, elapsedMs),
    latency: summarize(samples.map((s) => s.latencyMs)),
    samples,
  };
}
