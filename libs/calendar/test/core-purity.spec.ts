import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';

/*
 * The core runs inside Temporal's deterministic workflow sandbox: it may import nothing but its
 * own files, and must not read the clock, the machine's time zone or a random source.
 */

const SRC = resolve(__dirname, '../src');

/** Every file reachable from `entry` through relative imports, and every other import seen. */
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
    for (const match of specifiers) {
      const target = match[1];
      if (target.startsWith('.')) visit(`${join(dirname(file), target)}.ts`);
      else external.add(target);
    }
  };
  visit(entry);
  return { files: [...files].map((f) => f.slice(SRC.length + 1)).sort(), external: [...external] };
}

describe('the calendar core', () => {
  const graph = importGraph(join(SRC, 'core.ts'));

  it('imports only its own modules: no Node built-ins, no chinese-days', () => {
    expect(graph.external).toEqual([]);
    expect(graph.files).toEqual([
      'calendar.ts',
      'civil-date.ts',
      'core.ts',
      'errors.ts',
      'sha256.ts',
      'snapshot.ts',
      'time-zone.ts',
    ]);
  });

  it.each([
    ['the clock', /Date\.now|new Date\(\s*\)|performance\.now/],
    ['local-time getters', /\.get(FullYear|Month|Date|Day|Hours|Minutes|Seconds|TimezoneOffset)\(/],
    ['a random source', /Math\.random/],
    ['the environment', /process\./],
  ])('does not read %s', (_what, pattern) => {
    for (const file of graph.files) {
      const code = readFileSync(join(SRC, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect({ file, uses: pattern.test(code) }).toEqual({ file, uses: false });
    }
  });

  it("bundles for Temporal's workflow sandbox without chinese-days", async () => {
    const { code } = await bundleWorkflowCode({
      workflowsPath: require.resolve('./calendar-probe.workflow'),
      logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} },
    });
    expect(code).toContain('libs/calendar/src/calendar.ts');
    expect(code).not.toMatch(/node_modules\/chinese-days/);
  }, 60_000);
});
