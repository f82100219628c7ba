/** Summary statistics for latencies and rates. */

export interface LatencySummary {
  count: number;
  minMs: number;
  meanMs: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** The p-th percentile (0-100) of values sorted ascending, nearest-rank; NaN when empty. */
export function percentileOfSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function percentile(values: readonly number[], p: number): number {
  return percentileOfSorted(
    [...values].sort((a, b) => a - b),
    p,
  );
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

const round = (v: number, digits = 1): number => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};

export function summarize(latenciesMs: readonly number[]): LatencySummary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    count: sorted.length,
    minMs: round(sorted[0] ?? NaN),
    meanMs: round(sorted.length ? sum / sorted.length : NaN),
    p50Ms: round(percentileOfSorted(sorted, 50)),
    p90Ms: round(percentileOfSorted(sorted, 90)),
    p99Ms: round(percentileOfSorted(sorted, 99)),
    maxMs: round(sorted[sorted.length - 1] ?? NaN),
  };
}

/** Operations per second. */
export function rate(count: number, elapsedMs: number): number {
  return elapsedMs > 0 ? round((count / elapsedMs) * 1000, 2) : 0;
}

export function ratio(a: number, b: number, digits = 2): number {
  return b > 0 ? round(a / b, digits) : NaN;
}

export { round };
