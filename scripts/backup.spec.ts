import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backup, restore } from './backup';

describe('backup and restore of the embedded default (file copy)', () => {
  let root: string;
  const data = () => join(root, 'data');
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'backup-spec-'));
    mkdirSync(join(data(), 'postgres', 'base'), { recursive: true });
    writeFileSync(join(data(), 'postgres', 'PG_VERSION'), '18\n');
    writeFileSync(join(data(), 'postgres', 'base', '1'), 'rows');
    writeFileSync(join(data(), 'temporal.sqlite'), 'histories');
    writeFileSync(join(data(), 'jwt-secret'), 'secret');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('copies the data with a manifest and restores it byte for byte into a fresh DATA_DIR', async () => {
    const m = await backup(join(root, 'b'), { DATA_DIR: data() });
    expect(m).toMatchObject({ mode: 'files', postgres: '18' });
    expect(m.files.map((f) => f.path).sort()).toEqual(
      ['jwt-secret', 'postgres/PG_VERSION', 'postgres/base/1', 'temporal.sqlite'].sort(),
    );
    restore(join(root, 'b'), { DATA_DIR: join(root, 'fresh') });
    expect(readFileSync(join(root, 'fresh', 'temporal.sqlite'), 'utf8')).toBe('histories');
    expect(readFileSync(join(root, 'fresh', 'postgres', 'base', '1'), 'utf8')).toBe('rows');
  });

  it('refuses a running PostgreSQL, a non-empty target and a damaged file', async () => {
    writeFileSync(join(data(), 'postgres', 'postmaster.pid'), '123');
    await expect(backup(join(root, 'b'), { DATA_DIR: data() })).rejects.toThrow(/running/);
    rmSync(join(data(), 'postgres', 'postmaster.pid'));
    await backup(join(root, 'b2'), { DATA_DIR: data() });
    expect(() => restore(join(root, 'b2'), { DATA_DIR: data() })).toThrow(/not empty/);
    writeFileSync(join(root, 'b2', 'temporal.sqlite'), 'tampered');
    expect(() => restore(join(root, 'b2'), { DATA_DIR: join(root, 'x') })).toThrow(
      /temporal.sqlite is missing or damaged/,
    );
  });
});
