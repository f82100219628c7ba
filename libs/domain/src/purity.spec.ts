import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/*
 * Temporal bundles this library into workflow code, which runs in a deterministic sandbox:
 * no Node built-ins, no packages, no clock or randomness, no I/O. Checked on the source text.
 */
const root = __dirname;
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });

describe('libs/domain stays pure', () => {
  const files = sources(root);

  it('finds the sources', () => {
    expect(files.map((f) => relative(root, f))).toEqual(
      expect.arrayContaining(['index.ts', 'catalog/items.ts']),
    );
  });

  it.each(files.map((f) => [relative(root, f), f]))(
    '%s imports only relative modules inside the library',
    (_name, file) => {
      const text = readFileSync(file, 'utf8');
      for (const [, specifier] of text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
        expect(specifier).toMatch(/^\.\.?\//);
        expect(resolve(file, '..', specifier).startsWith(root)).toBe(true);
      }
      expect(text).not.toMatch(/\brequire\(/);
    },
  );

  it.each(files.map((f) => [relative(root, f), f]))(
    '%s uses no clock, randomness or I/O',
    (_name, file) => {
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/[^\n]*/g, '');
      expect(code).not.toMatch(
        /\b(Date|Math\.random|process\.|console\.|setTimeout|setInterval|fetch|globalThis|performance)\b/,
      );
    },
  );
});
