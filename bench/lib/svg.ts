/**
 * A small dependency-free SVG chart writer: grouped bar charts and line charts as panels,
 * stacked into one document. Plain SVG 1.1 with inline styles, so browsers and GitHub show it.
 */

export interface Panel {
  width: number;
  height: number;
  /** SVG elements drawn in a (0,0)–(width,height) box. */
  body: string;
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

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const n = (v: number) => (Math.round(v * 10) / 10).toString();

function defaultFormat(v: number): string {
  if (Math.abs(v) >= 1000) return Math.round(v).toLocaleString('en-US');
  if (Math.abs(v) >= 100) return v.toFixed(0);
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toFixed(2).replace(/\.?0+$/, '') || '0';
}

/** A round axis maximum and step (1, 2, 2.5 or 5 × 10^k) for values up to `max`. */
export function niceScale(max: number, ticks = 5): { max: number; step: number } {
  if (!(max > 0)) return { max: 1, step: 0.2 };
  const raw = max / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  return { max: Math.ceil(max / step - 1e-9) * step, step };
}

function text(
  x: number,
  y: number,
  s: string,
  attrs: {
    size?: number;
    anchor?: 'start' | 'middle' | 'end';
    color?: string;
    bold?: boolean;
    rotate?: boolean;
  } = {},
): string {
  const transform = attrs.rotate ? ` transform="rotate(-90 ${n(x)} ${n(y)})"` : '';
  return (
    `<text x="${n(x)}" y="${n(y)}" font-size="${attrs.size ?? 11}" text-anchor="${attrs.anchor ?? 'start'}"` +
    ` fill="${attrs.color ?? '#333'}"${attrs.bold ? ' font-weight="bold"' : ''}${transform}>${escapeXml(s)}</text>`
  );
}

interface Frame {
  left: number;
  top: number;
  plotW: number;
  plotH: number;
  parts: string[];
}

/** Title, legend, y axis with grid lines; returns the plot area. */
function frame(
  spec: { title: string; subtitle?: string; width: number; height: number; yUnit?: string },
  legend: { name: string; color: string }[],
  yMax: number,
  step: number,
  format: (v: number) => string,
): Frame {
  const parts: string[] = [];
  const left = 64;
  const right = 16;
  // The legend wraps onto as many rows as it needs, under the title.
  const itemWidth = (name: string) => 24 + name.length * 6.2;
  const rows: { name: string; color: string }[][] = [[]];
  let rowWidth = 0;
  for (const l of legend) {
    if (rowWidth + itemWidth(l.name) > spec.width - left - right && rows[rows.length - 1].length) {
      rows.push([]);
      rowWidth = 0;
    }
    rows[rows.length - 1].push(l);
    rowWidth += itemWidth(l.name);
  }
  const top = (spec.subtitle ? 70 : 54) + 16 * (rows.length - 1);
  const bottom = 44;
  const plotW = spec.width - left - right;
  const plotH = spec.height - top - bottom;
  parts.push(`<rect x="0" y="0" width="${spec.width}" height="${spec.height}" fill="#fff"/>`);
  parts.push(text(spec.width / 2, 20, spec.title, { size: 14, anchor: 'middle', bold: true }));
  if (spec.subtitle)
    parts.push(
      text(spec.width / 2, 37, spec.subtitle, { size: 11, anchor: 'middle', color: '#666' }),
    );
  rows.forEach((row, r) => {
    let lx = left;
    const ly = (spec.subtitle ? 56 : 40) + 16 * r;
    for (const l of row) {
      parts.push(`<rect x="${n(lx)}" y="${n(ly - 9)}" width="10" height="10" fill="${l.color}"/>`);
      parts.push(text(lx + 14, ly, l.name, { size: 11 }));
      lx += itemWidth(l.name);
    }
  });
  for (let v = 0; v <= yMax + 1e-9; v += step) {
    const y = top + plotH - (v / yMax) * plotH;
    parts.push(
      `<line x1="${left}" y1="${n(y)}" x2="${left + plotW}" y2="${n(y)}" stroke="${v === 0 ? '#888' : '#e4e4e4'}"/>`,
    );
    parts.push(text(left - 6, y + 4, format(v), { size: 10, anchor: 'end', color: '#555' }));
  }
  if (spec.yUnit)
    parts.push(text(14, top + plotH / 2, spec.yUnit, { size: 11, anchor: 'middle', rotate: true }));
  return { left, top, plotW, plotH, parts };
}

function referenceLines(f: Frame, refs: ReferenceLine[] | undefined, yMax: number): string[] {
  return (refs ?? []).map((r) => {
    const y = f.top + f.plotH - (r.value / yMax) * f.plotH;
    const color = r.color ?? '#d62728';
    return (
      `<line x1="${f.left}" y1="${n(y)}" x2="${f.left + f.plotW}" y2="${n(y)}" stroke="${color}" stroke-dasharray="5 4"/>` +
      text(f.left + f.plotW - 4, y - 4, r.label, { size: 10, anchor: 'end', color })
    );
  });
}

export function barChart(spec: BarChartSpec): Panel {
  const width = spec.width ?? 720;
  const height = spec.height ?? 320;
  const format = spec.format ?? defaultFormat;
  const colors = spec.series.map((s, i) => s.color ?? PALETTE[i % PALETTE.length]);
  const values = spec.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const { max: yMax, step } = niceScale(
    Math.max(0, ...values, ...(spec.references ?? []).map((r) => r.value)) * 1.08,
  );
  const f = frame(
    { ...spec, width, height, yUnit: spec.unit },
    spec.series.map((s, i) => ({ name: s.name, color: colors[i] })),
    yMax,
    step,
    format,
  );
  const groupW = f.plotW / Math.max(1, spec.categories.length);
  const barW = Math.min(56, (groupW * 0.8) / Math.max(1, spec.series.length));
  spec.categories.forEach((cat, c) => {
    const x0 = f.left + c * groupW + (groupW - barW * spec.series.length) / 2;
    spec.series.forEach((s, i) => {
      const v = s.values[c];
      if (v === null || v === undefined || !Number.isFinite(v)) return;
      const h = (v / yMax) * f.plotH;
      const x = x0 + i * barW;
      const y = f.top + f.plotH - h;
      f.parts.push(
        `<rect x="${n(x + 1)}" y="${n(y)}" width="${n(barW - 2)}" height="${n(h)}" fill="${colors[i]}"><title>${escapeXml(`${s.name}, ${cat}: ${format(v)}`)}</title></rect>`,
      );
      // Value labels only where they fit; every bar has its value as a tooltip.
      if (barW >= 22)
        f.parts.push(text(x + barW / 2, y - 3, format(v), { size: 10, anchor: 'middle' }));
    });
    f.parts.push(
      text(f.left + c * groupW + groupW / 2, f.top + f.plotH + 16, cat, {
        size: 11,
        anchor: 'middle',
      }),
    );
  });
  f.parts.push(...referenceLines(f, spec.references, yMax));
  return { width, height, body: f.parts.join('\n') };
}

export function lineChart(spec: LineChartSpec): Panel {
  const width = spec.width ?? 720;
  const height = spec.height ?? 320;
  const format = spec.format ?? defaultFormat;
  const colors = spec.series.map((s, i) => s.color ?? PALETTE[i % PALETTE.length]);
  const pts = spec.series.flatMap((s) => s.points);
  const { max: yMax, step } = niceScale(
    Math.max(0, ...pts.map((p) => p.y), ...(spec.references ?? []).map((r) => r.value)) * 1.08,
  );
  const xMin = Math.min(...pts.map((p) => p.x), 0);
  const { max: xMax, step: xStep } = niceScale(Math.max(...pts.map((p) => p.x), 1));
  const f = frame(
    { ...spec, width, height },
    spec.series.map((s, i) => ({ name: s.name, color: colors[i] })),
    yMax,
    step,
    format,
  );
  const sx = (x: number) => f.left + ((x - xMin) / (xMax - xMin || 1)) * f.plotW;
  const sy = (y: number) => f.top + f.plotH - (y / yMax) * f.plotH;
  for (let x = xMin; x <= xMax + 1e-9; x += xStep) {
    f.parts.push(
      text(sx(x), f.top + f.plotH + 16, format(x), { size: 10, anchor: 'middle', color: '#555' }),
    );
  }
  if (spec.xUnit)
    f.parts.push(
      text(f.left + f.plotW / 2, f.top + f.plotH + 34, spec.xUnit, { size: 11, anchor: 'middle' }),
    );
  spec.series.forEach((s, i) => {
    if (!s.points.length) return;
    const d = s.points.map((p, k) => `${k ? 'L' : 'M'}${n(sx(p.x))} ${n(sy(p.y))}`).join(' ');
    f.parts.push(`<path d="${d}" fill="none" stroke="${colors[i]}" stroke-width="2"/>`);
    for (const p of s.points)
      f.parts.push(`<circle cx="${n(sx(p.x))}" cy="${n(sy(p.y))}" r="3" fill="${colors[i]}"/>`);
  });
  f.parts.push(...referenceLines(f, spec.references, yMax));
  return { width, height, body: f.parts.join('\n') };
}

/** Panels stacked top to bottom in one SVG document. */
export function svgDocument(panels: Panel[], gap = 12): string {
  const width = Math.max(...panels.map((p) => p.width));
  const height = panels.reduce((h, p) => h + p.height, 0) + gap * (panels.length - 1);
  let y = 0;
  const body = panels
    .map((p) => {
      const g = `<g transform="translate(0 ${y})">\n${p.body}\n</g>`;
      y += p.height + gap;
      return g;
    })
    .join('\n');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif">\n` +
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
