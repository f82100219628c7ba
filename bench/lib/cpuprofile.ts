/**
 * Reads V8 CPU profiles (.cpuprofile) and tells where the time went: self time by package or
 * project folder, inclusive time by package (time with that package anywhere on the stack),
 * and the hottest functions.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileShare {
  name: string;
  ms: number;
  /** Of the profile's wall time. */
  percent: number;
}

export interface ProfileSummary {
  wallMs: number;
  /** Time not idle: the process's JavaScript thread busy (JS, GC, native calls it made). */
  busyMs: number;
  selfByCategory: ProfileShare[];
  inclusiveByCategory: ProfileShare[];
  hottestFunctions: ProfileShare[];
  /** Time with the function anywhere on the stack (project code only: apps, libs, …). */
  inclusiveByProjectFunction: ProfileShare[];
}

/** `typeorm`, `@nestjs/core`, `node:internal`, `dist/apps/api`, `(garbage collector)`… */
export function categoryOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node (built-in modules)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const m = /\/(dist\/)?(apps\/[^/]+|libs\/[^/]+|workflows|activities|bench\/[^/]+)\//.exec(url);
  return m ? `${m[1] ?? ''}${m[2]}` : url.replace(/^file:\/\//, '').slice(-60);
}

function top(map: Map<string, number>, wallMs: number, n: number): ProfileShare[] {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, ms]) => ({
      name,
      ms: Math.round(ms),
      percent: Math.round((ms / wallMs) * 1000) / 10,
    }));
}

export function summarizeProfile(file: string, n = 15): ProfileSummary {
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of p.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const selfMs = new Map<number, number>();
  // timeDeltas[i] is the time before sample i; it is charged to the sample that ends it.
  for (let i = 0; i < p.samples.length; i++) {
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    selfMs.set(p.samples[i], (selfMs.get(p.samples[i]) ?? 0) + dt);
  }
  const wallMs = (p.endTime - p.startTime) / 1000;
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const functions = new Map<string, number>();
  const projectFunctions = new Map<string, number>();
  const isProject = (url: string) =>
    /\/(apps|libs|workflows|activities)\//.test(url) && !url.includes('node_modules');
  let idle = 0;
  for (const [id, ms] of selfMs) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    const cat = categoryOf(url, functionName);
    if (functionName === '(idle)') idle += ms;
    self.set(cat, (self.get(cat) ?? 0) + ms);
    const fn =
      `${functionName || '(anonymous)'} ${url ? `${categoryOf(url, functionName)}:${url.split('/').pop()}:${lineNumber + 1}` : ''}`.trim();
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
    const seen = new Set<string>();
    const seenFn = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      if (isProject(f.url)) {
        const name = `${f.functionName || '(anonymous)'} ${categoryOf(f.url, f.functionName)}:${f.url.split('/').pop()}:${f.lineNumber + 1}`;
        if (!seenFn.has(name)) {
          seenFn.add(name);
          projectFunctions.set(name, (projectFunctions.get(name) ?? 0) + ms);
        }
      }
      const c = categoryOf(f.url, f.functionName);
      if (c === '(root)' || seen.has(c)) continue;
      seen.add(c);
      inclusive.set(c, (inclusive.get(c) ?? 0) + ms);
    }
  }
  for (const m of [self, inclusive, functions]) {
    m.delete('(idle)');
    m.delete('(idle) ');
  }
  return {
    wallMs: Math.round(wallMs),
    busyMs: Math.round(wallMs - idle),
    selfByCategory: top(self, wallMs, n),
    inclusiveByCategory: top(inclusive, wallMs, n),
    hottestFunctions: top(functions, wallMs, n),
    inclusiveByProjectFunction: top(projectFunctions, wallMs, n),
  };
}

export function describeProfile(name: string, s: ProfileSummary, n = 8): string[] {
  const fmt = (xs: ProfileShare[]) =>
    xs
      .slice(0, n)
      .map((x) => `${x.name} ${x.percent}%`)
      .join(', ');
  return [
    `${name}: busy ${Math.round((s.busyMs / s.wallMs) * 100)}% of ${(s.wallMs / 1000).toFixed(1)} s`,
    `  self:      ${fmt(s.selfByCategory)}`,
    `  inclusive: ${fmt(s.inclusiveByCategory)}`,
    `  functions: ${fmt(s.hottestFunctions)}`,
    `  project code (inclusive): ${fmt(s.inclusiveByProjectFunction)}`,
  ];
}
