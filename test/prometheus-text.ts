/**
 * Prometheus's text exposition format (0.0.4), read strictly: every line is a `# HELP`, a
 * `# TYPE` or a sample of the family typed just before it, with a valid name, labels and value;
 * a histogram's buckets rise with `le` up to `+Inf`, which equals its `_count`. Anything else
 * throws, naming the line. (No npm parser reads labelled histograms right:
 * parse-prometheus-text-format drops their labels.)
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface MetricFamily {
  name: string;
  help: string;
  type: 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';
  samples: Sample[];
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL = `([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\\\\n]|\\\\[\\\\"n])*)"`;
const SAMPLE = new RegExp(
  `^(${NAME})(?:\\{((?:${LABEL})(?:,${LABEL})*)?,?\\})? (\\S+)(?: (-?\\d+))?$`,
);
/** Go's ParseFloat, which Prometheus reads values with: `NaN`, `+Inf` in any case (prom-client writes `Nan`). */
const VALUE = /^(?:[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+)|[+-]?inf(?:inity)?|nan)$/i;
/** Go's float syntax as Prometheus writes it: `+Inf`, `-Inf`, `NaN` included. */
const num = (v: string) =>
  /^[+-]?inf/i.test(v)
    ? v.startsWith('-')
      ? -Infinity
      : Infinity
    : /^nan$/i.test(v)
      ? NaN
      : Number(v);
const SUFFIXES: Record<string, string[]> = {
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['', '_sum', '_count'],
};

export function parseMetrics(text: string): Map<string, MetricFamily> {
  const families = new Map<string, MetricFamily>();
  let current: MetricFamily | undefined;
  text.split('\n').forEach((line, i) => {
    const fail = (why: string) => {
      throw new Error(`line ${i + 1} (${why}): ${line}`);
    };
    if (line === '') return;
    const meta = new RegExp(`^# (HELP|TYPE) (${NAME}) ?(.*)$`).exec(line);
    if (meta) {
      const [, kind, name, rest] = meta;
      const f = families.get(name) ?? { name, help: '', type: 'untyped' as const, samples: [] };
      if (current?.name !== name && families.has(name)) fail('family split');
      families.set(name, f);
      current = f;
      if (kind === 'HELP') f.help = rest;
      else if (/^(counter|gauge|histogram|summary|untyped)$/.test(rest))
        f.type = rest as MetricFamily['type'];
      else fail('unknown type');
      return;
    }
    if (line.startsWith('#')) return;
    const m = SAMPLE.exec(line);
    if (!m) return fail('not a sample');
    const [, name, labelText, , , , , value] = m;
    if (!VALUE.test(value)) fail('bad value');
    const suffix = name.slice(current?.name.length ?? 0);
    const allowed = SUFFIXES[current?.type ?? ''] ?? [''];
    if (!current || !name.startsWith(current.name) || !allowed.includes(suffix))
      fail(`not of the family ${current?.name ?? '(none)'}`);
    const labels: Record<string, string> = {};
    for (const [, k, v] of (labelText ?? '').matchAll(new RegExp(LABEL, 'g')))
      labels[k] = v.replace(/\\n/g, '\n').replace(/\\(["\\])/g, '$1');
    current!.samples.push({ name, labels, value: num(value) });
  });
  for (const f of families.values()) if (f.type === 'histogram') checkHistogram(f);
  return families;
}

const series = (labels: Record<string, string>) =>
  JSON.stringify(
    Object.entries(labels)
      .filter(([k]) => k !== 'le')
      .sort(),
  );

function checkHistogram(f: MetricFamily) {
  const bySeries = new Map<string, Sample[]>();
  for (const s of f.samples.filter((x) => x.name.endsWith('_bucket')))
    bySeries.set(series(s.labels), [...(bySeries.get(series(s.labels)) ?? []), s]);
  for (const [key, buckets] of bySeries) {
    const les = buckets.map((b) => num(b.labels.le));
    const counts = buckets.map((b) => b.value);
    const count = f.samples.find((s) => s.name === `${f.name}_count` && series(s.labels) === key);
    if (
      les[les.length - 1] !== Infinity ||
      les.some((le, i) => i > 0 && le <= les[i - 1]) ||
      counts.some((c, i) => i > 0 && c < counts[i - 1]) ||
      count?.value !== counts[counts.length - 1]
    )
      throw new Error(`histogram ${f.name}${key}: buckets out of order or +Inf ≠ _count`);
  }
}

/** The value of the sample named `name` whose labels include `labels`, if any. */
export function valueOf(
  families: Map<string, MetricFamily>,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  return [...families.values()]
    .flatMap((f) => f.samples)
    .find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    ?.value;
}
