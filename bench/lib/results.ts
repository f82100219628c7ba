/** Where benchmarks write their figures: bench/results/<name>.json (and .svg). */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** BENCH_RESULTS_DIR: elsewhere (bench:cluster collects its runs' files in a scratch folder). */
export const RESULTS_DIR = process.env.BENCH_RESULTS_DIR
  ? resolve(process.env.BENCH_RESULTS_DIR)
  : resolve(__dirname, '..', 'results');

function writeAtomically(file: string, content: string): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, file);
}

/** Writes `<name>.json` (and `<name>.svg` when given); returns the paths relative to the cwd. */
export function writeResults(name: string, data: unknown, svg?: string): string[] {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const files = [join(RESULTS_DIR, `${name}.json`)];
  writeAtomically(files[0], `${JSON.stringify(data, null, 2)}\n`);
  if (svg !== undefined) {
    files.push(join(RESULTS_DIR, `${name}.svg`));
    writeAtomically(files[1], svg);
  }
  return files.map((f) => relative(process.cwd(), f));
}
