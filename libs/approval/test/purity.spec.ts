import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/*
 * Temporal bundles this library into workflow code, which runs in a deterministic sandbox:
 * no Node built-ins, no packages, no clock or randomness, no I/O. Checked on the import graph
 * from the library's entry point: every file it reaches is in libs/approval, libs/domain or the
 * calendar's core (not its chinese-days source, which reads package data).
 */
const LIBS = resolve(__dirname, '../..');
const SRC = resolve(__dirname, '../src');
const ALLOWED = ['approval/src/', 'domain/src/', 'calendar/src/'];

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [relative(LIBS, path)] : [];
  });

function resolveImport(from: string, specifier: string): string {
  const base = join(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')])
    if (existsSync(candidate)) return candidate;
  throw new Error(`${relative(LIBS, from)}: cannot resolve ${specifier}`);
}

function importGraph(entry: string): { files: string[]; external: string[] } {
  const files = new Set<string>();
  const external = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    const specifiers = [
      ...source.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]/gm),
      ...source.matchAll(/^import\s*['"]([^'"]+)['"]/gm),
      ...source.matchAll(/\b(?:require|import)\(\s*['"]([^'"]+)['"]/g),
    ];
    for (const [, target] of specifiers) {
      if (target.startsWith('.')) visit(resolveImport(file, target));
      else external.add(target);
    }
  };
  visit(entry);
  return { files: [...files].map((f) => relative(LIBS, f)).sort(), external: [...external] };
}

describe('libs/approval stays pure (it is bundled into the project workflow)', () => {
  const graph = importGraph(join(SRC, 'index.ts'));
  const own = graph.files.filter((f) => f.startsWith('approval/'));

  it('reaches every source file of the library from its entry point', () => {
    expect(own).toEqual(sources(SRC).sort());
    expect(own).toContain('approval/src/commands/decide.ts');
  });

  it('imports no package and no Node built-in', () => {
    expect(graph.external).toEqual([]);
  });

  it("stays inside libs/approval, libs/domain and the calendar's core", () => {
    for (const file of graph.files)
      expect({ file, allowed: ALLOWED.some((a) => file.startsWith(a)) }).toEqual({
        file,
        allowed: true,
      });
    expect(graph.files).not.toContain('calendar/src/chinese-days-source.ts');
    expect(graph.files).not.toContain('calendar/src/index.ts');
  });

  it.each([
    ['the clock', /\bDate\b|performance\.now/],
    ['a random source', /Math\.random/],
    ['the environment or the console', /\b(process|console|globalThis)\b/],
    ['timers or the network', /\b(setTimeout|setInterval|fetch)\b/],
  ])('reads neither %s', (_what, pattern) => {
    for (const file of own) {
      const code = readFileSync(join(LIBS, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect({ file, uses: pattern.test(code) }).toEqual({ file, uses: false });
    }
  });
});
