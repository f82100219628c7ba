/*
 * Calendar benchmark: calls per second of workingDaysBetween and addWorkingDays over random
 * ranges of up to two years, against the day-by-day loop over chinese-days's `isWorkday` that
 * most code writes, measured in the same run on the same inputs.
 *
 *   npx tsx bench/calendar/calendar.bench.ts
 *
 * Writes bench/results/calendar.json. Options (environment): BENCH_SECONDS per measured round
 * (default 1), BENCH_ROUNDS (default 5).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { chineseDaysSnapshot, WorkingDayCalendar } from '../../libs/calendar/src';

const ROUND_SECONDS = Number(process.env.BENCH_SECONDS ?? 1);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CASES = 1 << 16;
const BASELINE_CASES = 400;
const MS_PER_DAY = 86_400_000;
const RANGE_START = Date.UTC(2024, 0, 1);
const START_SPAN_DAYS = 731; // from: 2024-01-01 … 2025-12-31
const MAX_LENGTH_DAYS = 730; // to: up to two years later (into provisional 2027)
const MAX_N = 490; // about two years of working days

/** Deterministic inputs: mulberry32. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function log(message: string): void {
  process.stdout.write(`[calendar bench] ${message}\n`);
}

/** Runs `body` (which makes `callsPerRun` calls) repeatedly for about `seconds`; calls/s. */
function measure(body: () => number, callsPerRun: number, seconds: number): number {
  let calls = 0;
  let sink = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    sink += body();
    calls += callsPerRun;
    elapsed = performance.now() - start;
  } while (elapsed < seconds * 1000);
  if (sink === -1) log('unreachable'); // keeps the results alive
  return (calls / elapsed) * 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main(): Promise<void> {
  // chinese-days builds its tables and reads weekdays in the machine's local zone and is wrong
  // west of UTC; pin UTC before it loads so the baseline is correct wherever this runs.
  process.env.TZ = 'UTC';
  const { isWorkday } = await import('chinese-days');

  const machine = {
    node: process.version,
    v8: process.versions.v8,
    platform: `${process.platform} ${process.arch}`,
    cpu: cpus()[0]?.model ?? 'unknown',
    cpuCount: cpus().length,
    loadAverageAtStart: loadavg(),
  };
  log(
    `node ${machine.node}, ${machine.cpuCount} × ${machine.cpu}, load ${machine.loadAverageAtStart.map((l) => l.toFixed(2)).join(' ')}`,
  );

  let t = performance.now();
  const snapshot = chineseDaysSnapshot();
  const snapshotMs = performance.now() - t;
  t = performance.now();
  const calendar = WorkingDayCalendar.fromSnapshot(snapshot);
  const constructMs = performance.now() - t;
  log(
    `snapshot ${snapshot.version} built in ${snapshotMs.toFixed(1)} ms, calendar in ${constructMs.toFixed(1)} ms (cold)`,
  );

  const next = random(20260227);
  const froms: string[] = [];
  const tos: string[] = [];
  const counts: number[] = [];
  for (let i = 0; i < CASES; i++) {
    const from = RANGE_START + Math.floor(next() * START_SPAN_DAYS) * MS_PER_DAY;
    froms.push(iso(from));
    tos.push(iso(from + Math.floor(next() * (MAX_LENGTH_DAYS + 1)) * MS_PER_DAY));
    counts.push(Math.floor(next() * (MAX_N + 1)));
  }
  const unions: { from: string; to: string }[][] = [];
  for (let i = 0; i < 1024; i++) {
    unions.push(
      Array.from({ length: 10 }, (_, k) => ({
        from: froms[(i * 10 + k) % CASES],
        to: tos[(i * 10 + k) % CASES],
      })).map((r) => (r.to < r.from ? { from: r.to, to: r.from } : r)),
    );
  }
  log(`${CASES} cases: from in 2024–2025, ranges 0–${MAX_LENGTH_DAYS} days, n 0–${MAX_N}`);

  // The day-by-day loop most code writes: step one day at a time, ask chinese-days each day.
  const baselineBetween = (from: string, to: string): number => {
    let days = 0;
    const end = Date.parse(to);
    for (let ms = Date.parse(from) + MS_PER_DAY; ms <= end; ms += MS_PER_DAY) {
      if (isWorkday(new Date(ms))) days++;
    }
    return days;
  };
  const baselineAdd = (from: string, n: number): string => {
    let ms = Date.parse(from);
    for (let left = n; left > 0;) {
      ms += MS_PER_DAY;
      if (isWorkday(new Date(ms))) left--;
    }
    return iso(ms);
  };

  // Same answers first: a fast wrong answer is worth nothing.
  let mismatches = 0;
  for (let i = 0; i < BASELINE_CASES * 5; i++) {
    if (calendar.workingDaysBetween(froms[i], tos[i]).days !== baselineBetween(froms[i], tos[i]))
      mismatches++;
    if (calendar.addWorkingDays(froms[i], counts[i]).date !== baselineAdd(froms[i], counts[i]))
      mismatches++;
  }
  log(
    `answers compared with the day-by-day loop on ${BASELINE_CASES * 5 * 2} calls: ${mismatches} mismatches`,
  );

  const ours = {
    workingDaysBetween: () => {
      let sum = 0;
      for (let i = 0; i < CASES; i++) sum += calendar.workingDaysBetween(froms[i], tos[i]).days;
      return sum;
    },
    addWorkingDays: () => {
      let sum = 0;
      for (let i = 0; i < CASES; i++)
        sum += calendar.addWorkingDays(froms[i], counts[i]).date.length;
      return sum;
    },
    unionWorkingDays10: () => {
      let sum = 0;
      for (const intervals of unions) sum += calendar.unionWorkingDays(intervals).days;
      return sum;
    },
  };
  const baseline = {
    workingDaysBetween: () => {
      let sum = 0;
      for (let i = 0; i < BASELINE_CASES; i++) sum += baselineBetween(froms[i], tos[i]);
      return sum;
    },
    addWorkingDays: () => {
      let sum = 0;
      for (let i = 0; i < BASELINE_CASES; i++) sum += baselineAdd(froms[i], counts[i]).length;
      return sum;
    },
  };

  const samples: Record<string, { ours: number[]; dayByDay: number[] }> = {
    workingDaysBetween: { ours: [], dayByDay: [] },
    addWorkingDays: { ours: [], dayByDay: [] },
    unionWorkingDays10: { ours: [], dayByDay: [] },
  };
  // Warm-up, then rounds that interleave the two implementations so noise hits both.
  measure(ours.workingDaysBetween, CASES, 0.3);
  measure(ours.addWorkingDays, CASES, 0.3);
  measure(ours.unionWorkingDays10, unions.length, 0.3);
  for (let round = 1; round <= ROUNDS; round++) {
    samples.workingDaysBetween.ours.push(measure(ours.workingDaysBetween, CASES, ROUND_SECONDS));
    samples.workingDaysBetween.dayByDay.push(
      measure(baseline.workingDaysBetween, BASELINE_CASES, ROUND_SECONDS),
    );
    samples.addWorkingDays.ours.push(measure(ours.addWorkingDays, CASES, ROUND_SECONDS));
    samples.addWorkingDays.dayByDay.push(
      measure(baseline.addWorkingDays, BASELINE_CASES, ROUND_SECONDS),
    );
    samples.unionWorkingDays10.ours.push(
      measure(ours.unionWorkingDays10, unions.length, ROUND_SECONDS),
    );
    log(
      `round ${round}/${ROUNDS}: ` +
        Object.entries(samples)
          .map(
            ([name, s]) =>
              `${name} ${(s.ours[round - 1] / 1e6).toFixed(2)} M/s` +
              (s.dayByDay.length ? ` vs ${s.dayByDay[round - 1].toFixed(0)}/s` : ''),
          )
          .join(', '),
    );
  }

  const summary = Object.fromEntries(
    Object.entries(samples).map(([name, s]) => {
      const oursMedian = median(s.ours);
      const dayByDayMedian = s.dayByDay.length ? median(s.dayByDay) : null;
      return [
        name,
        {
          callsPerSecond: Math.round(oursMedian),
          callsPerSecondRounds: s.ours.map(Math.round),
          dayByDayCallsPerSecond: dayByDayMedian === null ? null : Math.round(dayByDayMedian),
          dayByDayRounds: s.dayByDay.map(Math.round),
          ratio: dayByDayMedian === null ? null : Math.round(oursMedian / dayByDayMedian),
        },
      ];
    }),
  );
  for (const [name, s] of Object.entries(summary)) {
    log(
      `${name}: ${(s.callsPerSecond / 1e6).toFixed(2)} M calls/s` +
        (s.ratio === null
          ? ''
          : `, day-by-day ${s.dayByDayCallsPerSecond} calls/s, ratio ${s.ratio}×`),
    );
  }

  const result = {
    benchmark: 'calendar',
    command: 'npx tsx bench/calendar/calendar.bench.ts',
    finishedAt: new Date().toISOString(),
    machine: { ...machine, loadAverageAtEnd: loadavg() },
    calendar: {
      version: snapshot.version,
      source: snapshot.source,
      snapshotBuildMs: snapshotMs,
      constructMs,
    },
    workload: {
      cases: CASES,
      dayByDayCases: BASELINE_CASES,
      from: '2024-01-01 … 2025-12-31 uniform',
      rangeDays: `0 … ${MAX_LENGTH_DAYS} uniform (to reaches provisional 2027)`,
      n: `0 … ${MAX_N} uniform`,
      union: '10 intervals per call from the same ranges',
      roundSeconds: ROUND_SECONDS,
      rounds: ROUNDS,
      statistic: 'median of rounds',
      dayByDay: 'loop of chinese-days isWorkday(new Date(day)) one day at a time, TZ=UTC',
    },
    answersCompared: BASELINE_CASES * 5 * 2,
    mismatches,
    results: summary,
  };
  const dir = join(__dirname, '..', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'calendar.json'), `${JSON.stringify(result, null, 2)}\n`);
  log(`wrote ${join('bench', 'results', 'calendar.json')}`);
  if (mismatches > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
