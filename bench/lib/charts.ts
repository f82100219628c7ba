/**
 * The benchmarks' charts, drawn by ECharts' server-side SVG renderer (the web app's chart
 * library): grouped bar charts and line charts as panels, stacked into one SVG document that
 * browsers and GitHub show.
 */
import * as echarts from 'echarts';

export interface Panel {
  width: number;
  height: number;
  /** The panel's own <svg> document, as ECharts rendered it. */
  svg: string;
}

export interface BarSeries {
  name: string;
  /** One value per category; null leaves a gap. */
  values: (number | null)[];
  color?: string;
}

export interface ReferenceLine {
  value: number;
  label: string;
  color?: string;
}

export interface BarChartSpec {
  title: string;
  subtitle?: string;
  categories: string[];
  series: BarSeries[];
  /** Axis label, e.g. `workflows/s`. */
  unit?: string;
  width?: number;
  height?: number;
  /** Horizontal lines, e.g. a target. */
  references?: ReferenceLine[];
  format?: (v: number) => string;
}

export interface LineSeries {
  name: string;
  points: { x: number; y: number }[];
  color?: string;
}

export interface LineChartSpec {
  title: string;
  subtitle?: string;
  series: LineSeries[];
  xUnit?: string;
  yUnit?: string;
  width?: number;
  height?: number;
  references?: ReferenceLine[];
  format?: (v: number) => string;
}

export const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#e15759',
  '#76b7b2',
  '#b07aa1',
  '#9c755f',
];

function defaultFormat(v: number): string {
  if (Math.abs(v) >= 1000) return Math.round(v).toLocaleString('en-US');
  if (Math.abs(v) >= 100) return v.toFixed(0);
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toFixed(2).replace(/\.?0+$/, '') || '0';
}

/** One ECharts chart rendered to an SVG string, without animation. */
function render(width: number, height: number, option: echarts.EChartsOption): Panel {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ animation: false, backgroundColor: '#fff', color: PALETTE, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return { width, height, svg };
}

function common(
  spec: { title: string; subtitle?: string; references?: ReferenceLine[] },
  format: (v: number) => string,
) {
  return {
    title: {
      text: spec.title,
      subtext: spec.subtitle,
      left: 'center',
      textStyle: { fontSize: 14 },
      subtextStyle: { fontSize: 11, color: '#666' },
    },
    legend: { top: spec.subtitle ? 64 : 32, textStyle: { fontSize: 11 } },
    grid: { left: 64, right: 24, top: spec.subtitle ? 100 : 72, bottom: 48, containLabel: false },
    tooltip: {},
    markLine: spec.references?.length
      ? {
          symbol: 'none',
          silent: true,
          data: spec.references.map((r) => ({
            yAxis: r.value,
            lineStyle: { color: r.color ?? '#d62728', type: 'dashed' as const },
            label: { formatter: r.label, position: 'insideEndTop' as const, fontSize: 10 },
          })),
        }
      : undefined,
    yAxisLabel: { fontSize: 10, formatter: (v: number) => format(v) },
  };
}

export function barChart(spec: BarChartSpec): Panel {
  const width = spec.width ?? 720;
  const height = spec.height ?? 320;
  const format = spec.format ?? defaultFormat;
  const c = common(spec, format);
  // Value labels where the bars are wide enough; every bar has its value as a tooltip too.
  const barWidth = ((width - 88) / Math.max(1, spec.categories.length)) * 0.8;
  const labels = barWidth / Math.max(1, spec.series.length) >= 22;
  return render(width, height, {
    title: c.title,
    legend: c.legend,
    grid: c.grid,
    tooltip: c.tooltip,
    xAxis: { type: 'category', data: spec.categories, axisLabel: { fontSize: 11 } },
    yAxis: {
      type: 'value',
      name: spec.unit,
      nameLocation: 'middle',
      nameGap: 48,
      axisLabel: c.yAxisLabel,
    },
    series: spec.series.map((s, i) => ({
      type: 'bar',
      name: s.name,
      data: s.values.map((v) => (v === null || !Number.isFinite(v) ? '-' : v)),
      barMaxWidth: 56,
      itemStyle: s.color ? { color: s.color } : undefined,
      label: {
        show: labels,
        position: 'top',
        fontSize: 10,
        formatter: (p) => format(Number(p.value)),
      },
      markLine: i === 0 ? c.markLine : undefined,
    })),
  });
}

export function lineChart(spec: LineChartSpec): Panel {
  const width = spec.width ?? 720;
  const height = spec.height ?? 320;
  const format = spec.format ?? defaultFormat;
  const c = common(spec, format);
  return render(width, height, {
    title: c.title,
    legend: c.legend,
    grid: c.grid,
    tooltip: c.tooltip,
    xAxis: {
      type: 'value',
      name: spec.xUnit,
      nameLocation: 'middle',
      nameGap: 28,
      axisLabel: { fontSize: 10, formatter: (v: number) => format(v) },
    },
    yAxis: {
      type: 'value',
      name: spec.yUnit,
      nameLocation: 'middle',
      nameGap: 48,
      axisLabel: c.yAxisLabel,
    },
    series: spec.series.map((s, i) => ({
      type: 'line',
      name: s.name,
      data: s.points.map((p) => [p.x, p.y]),
      symbolSize: 6,
      itemStyle: s.color ? { color: s.color } : undefined,
      lineStyle: s.color ? { color: s.color, width: 2 } : { width: 2 },
      markLine: i === 0 ? c.markLine : undefined,
    })),
  });
}

/** Panels stacked top to bottom in one SVG document (each panel an <svg> of its own). */
export function svgDocument(panels: Panel[], gap = 12): string {
  const width = Math.max(...panels.map((p) => p.width));
  const height = panels.reduce((h, p) => h + p.height, 0) + gap * (panels.length - 1);
  let y = 0;
  const body = panels
    .map((p) => {
      const placed = p.svg.replace(/^<svg /, `<svg x="0" y="${y}" `);
      y += p.height + gap;
      return placed;
    })
    .join('\n');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">\n` +
    `${body}\n</svg>\n`
  );
}

/**
 * A grouped bar chart of CPU milliseconds per operation by process, one series per measurement
 * (`perOp` as made by cpuPerOperation; process groups with a worker in their name are summed
 * into `workers`, so a benchmark's own worker and the product's compare).
 */
export function cpuPanel(
  title: string,
  measurements: { name: string; perOp: Record<string, number> }[],
): Panel {
  const column = (group: string) => (/worker/.test(group) ? 'workers' : group);
  const columns: string[] = [];
  for (const m of measurements)
    for (const g of Object.keys(m.perOp)) {
      const c = column(g);
      if (!columns.includes(c) && c !== 'ours' && c !== 'other') columns.push(c);
    }
  columns.push('ours', 'other');
  const values = (perOp: Record<string, number>) =>
    columns.map((c) => {
      const v = Object.entries(perOp)
        .filter(([g]) => column(g) === c)
        .reduce((a, [, ms]) => a + ms, 0);
      return Math.round(v * 10) / 10;
    });
  return barChart({
    title,
    subtitle:
      '“ours”: all of this benchmark’s processes; “other”: what other people’s processes used meanwhile, per operation',
    categories: columns,
    series: measurements.map((m) => ({ name: m.name, values: values(m.perOp) })),
    unit: 'CPU ms per operation',
    width: 900,
  });
}
