import type { Readable } from 'node:stream';

/** A stored file's key could not be found. */
export class StoredFileNotFound extends Error {
  override readonly name = 'StoredFileNotFound';
  constructor(readonly key: string) {
    super(`no stored file ${key}`);
  }
}

/**
 * Where uploaded files live: the local file system under DATA_DIR (the embedded default) or any
 * S3-compatible object store (production). A put is all or nothing: a stream that breaks off
 * leaves no object a reader could see under its key.
 */
export interface FileStorage {
  readonly kind: 'local' | 's3';
  put(key: string, body: Readable, contentType: string): Promise<void>;
  /** The file's bytes; StoredFileNotFound when there is none. */
  get(key: string): Promise<Readable>;
  delete(key: string): Promise<void>;
  /** Throws when the store cannot be reached (health). */
  check(): Promise<void>;
}
