import {
  CreateBucketCommand,
  PutObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  NoSuchKey,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StoredFileNotFound, type FileStorage } from './storage';

export interface S3StorageOptions {
  bucket: string;
  region: string;
  /** An S3-compatible endpoint (MinIO, S3Proxy, a cloud's object store); AWS when absent. */
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Path-style addressing (`endpoint/bucket/key`), which most S3-compatible stores need. */
  forcePathStyle: boolean;
  /** Where uploads are spooled before they are sent (default: the system's temp folder). */
  spoolDir?: string;
}

/**
 * Files in an S3 bucket, through AWS SDK v3: an object appears under its key only when all of it
 * arrived (see `put`).
 */
/**
 * An S3 client that signs requests without hashing their bodies (`UNSIGNED-PAYLOAD`, as S3
 * allows): SigV4 would otherwise SHA-256 every part a second time, beside the hash the API keeps
 * of every file — a third of an upload's CPU. For the driver, and for benchmarks' direct PUTs.
 */
export function s3Client(config: S3ClientConfig): S3Client {
  const client = new S3Client(config);
  client.middlewareStack.add(
    (next) => (args) => {
      const request = args.request as { headers?: Record<string, string> };
      if (request.headers) request.headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
      return next(args);
    },
    { step: 'build', name: 'unsignedPayload', priority: 'low' },
  );
  return client;
}

export class S3FileStorage implements FileStorage {
  readonly kind = 's3' as const;
  private readonly s3: S3Client;
  private readonly spoolDir: string;

  constructor(private readonly opts: S3StorageOptions) {
    this.spoolDir = opts.spoolDir ?? tmpdir();
    const config: S3ClientConfig = {
      region: opts.region,
      forcePathStyle: opts.forcePathStyle,
      // Checksums only where S3 requires them: the SDK's default (CRC32 on every request) sends
      // headers many S3-compatible stores refuse ("NotImplemented"); TLS and the SHA-256 the API
      // computes of every file keep its integrity.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
      ...(opts.accessKeyId && opts.secretAccessKey
        ? {
            credentials: {
              accessKeyId: opts.accessKeyId,
              secretAccessKey: opts.secretAccessKey,
            },
          }
        : {}),
    };
    this.s3 = s3Client(config);
  }

  /** Creates the bucket when it does not exist (a store that refuses leaves it to the operator). */
  async init(): Promise<void> {
    try {
      await this.s3.send(new HeadBucketCommand({ Bucket: this.opts.bucket }));
    } catch {
      await this.s3.send(new CreateBucketCommand({ Bucket: this.opts.bucket }));
    }
  }

  /**
   * The stream is spooled to a local file first, then sent as one PutObject of known length:
   * memory stays flat, nothing reaches the bucket unless the whole stream arrived, and one
   * request beats a multipart upload's many (measured: bench/materials). A file over 4 GiB goes
   * as a multipart upload from the spool (PutObject takes at most 5 GiB).
   */
  async put(key: string, body: Readable, contentType: string): Promise<void> {
    const spool = join(this.spoolDir, `upload-${randomUUID()}`);
    try {
      await pipeline(body, createWriteStream(spool, { flags: 'wx' }));
      const { size } = await stat(spool);
      const params = { Bucket: this.opts.bucket, Key: key, ContentType: contentType };
      if (size <= 4 * 1024 ** 3) {
        await this.s3.send(
          new PutObjectCommand({ ...params, Body: createReadStream(spool), ContentLength: size }),
        );
      } else {
        await new Upload({
          client: this.s3,
          params: { ...params, Body: createReadStream(spool) },
          queueSize: 2,
          partSize: 64 * 1024 * 1024,
          leavePartsOnError: false,
        }).done();
      }
    } finally {
      await rm(spool, { force: true });
    }
  }

  async get(key: string): Promise<Readable> {
    try {
      const res = await this.s3.send(new GetObjectCommand({ Bucket: this.opts.bucket, Key: key }));
      return res.Body as Readable;
    } catch (err) {
      if (err instanceof NoSuchKey || (err as { name?: string }).name === 'NoSuchKey')
        throw new StoredFileNotFound(key);
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.opts.bucket, Key: key }));
  }

  async check(): Promise<void> {
    await this.s3.send(new HeadBucketCommand({ Bucket: this.opts.bucket }));
  }

  destroy(): void {
    this.s3.destroy();
  }
}
