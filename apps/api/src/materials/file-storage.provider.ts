import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import type { Readable } from 'node:stream';
import { storageConfig } from '../../../../libs/config/src';
import { LocalFileStorage, S3FileStorage, type FileStorage } from '../../../../libs/storage/src';

/** The API's file storage, built from the validated storage config (local folder or S3). */
@Injectable()
export class Files implements FileStorage, OnModuleInit, OnApplicationShutdown {
  private readonly log = new Logger('files');
  private readonly store: LocalFileStorage | S3FileStorage;
  readonly kind: 'local' | 's3';
  readonly uploadMaxBytes: number;

  constructor(@Inject(storageConfig.KEY) cfg: ConfigType<typeof storageConfig>) {
    this.store = cfg.s3 ? new S3FileStorage(cfg.s3) : new LocalFileStorage(cfg.dir);
    this.kind = this.store.kind;
    this.uploadMaxBytes = cfg.uploadMaxBytes;
    this.where = cfg.s3
      ? `S3 bucket ${cfg.s3.bucket}${cfg.s3.endpoint ? ` at ${cfg.s3.endpoint}` : ''}`
      : `folder ${cfg.dir}`;
  }

  private readonly where: string;

  async onModuleInit(): Promise<void> {
    // A store that is down at start is reported, not fatal: uploads answer 503 until it is back.
    await this.store.init().then(
      () => this.log.log(`files in ${this.where}`),
      (err: Error) => this.log.warn(`files in ${this.where}: not ready (${err.message})`),
    );
  }

  onApplicationShutdown(): void {
    if (this.store instanceof S3FileStorage) this.store.destroy();
  }

  put(key: string, body: Readable, contentType: string) {
    return this.store.put(key, body, contentType);
  }
  get(key: string) {
    return this.store.get(key);
  }
  delete(key: string) {
    return this.store.delete(key);
  }
  check() {
    return this.store.check();
  }
}
