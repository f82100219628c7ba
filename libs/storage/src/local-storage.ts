import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StoredFileNotFound, type FileStorage } from './storage';

/**
 * Files under one folder. A put writes to `.partial/` first and renames into place when the
 * stream ended well (a rename within one file system is atomic), so a cut upload leaves no file
 * under its key; what a crash leaves in `.partial/` is removed at the next start.
 */
export class LocalFileStorage implements FileStorage {
  readonly kind = 'local' as const;
  private readonly root: string;

  constructor(dir: string) {
    this.root = resolve(dir);
  }

  private path(key: string): string {
    const p = resolve(this.root, key);
    if (!p.startsWith(this.root + sep) || key.startsWith('.'))
      throw new Error(`file key ${key} leaves the storage folder`);
    return p;
  }

  async init(): Promise<void> {
    await rm(join(this.root, '.partial'), { recursive: true, force: true });
    await mkdir(join(this.root, '.partial'), { recursive: true });
  }

  async put(key: string, body: Readable): Promise<void> {
    const target = this.path(key);
    const partial = join(this.root, '.partial', randomUUID());
    try {
      await pipeline(body, createWriteStream(partial, { flags: 'wx' }));
      await mkdir(dirname(target), { recursive: true });
      await rename(partial, target);
    } catch (err) {
      await rm(partial, { force: true });
      throw err;
    }
  }

  async get(key: string): Promise<Readable> {
    const p = this.path(key);
    try {
      await stat(p);
    } catch {
      throw new StoredFileNotFound(key);
    }
    return createReadStream(p);
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  async check(): Promise<void> {
    await stat(this.root);
  }
}
