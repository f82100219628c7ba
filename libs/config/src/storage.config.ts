import { registerAs } from '@nestjs/config';
import { ConfigError, Env, readBool, readEnum, readInt, readString, readUrl } from './env';

/** Where the S3 driver keeps files (S3_*). */
export interface S3Config {
  bucket: string;
  region: string;
  /** An S3-compatible endpoint (MinIO, S3Proxy, a cloud's object store); AWS when absent. */
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Path-style addressing (`endpoint/bucket/key`), which most S3-compatible stores need. */
  forcePathStyle: boolean;
}

export interface StorageConfig {
  driver: 'local' | 's3';
  /** local: the folder of the files (FILES_DIR; `npm start`: <DATA_DIR>/files). */
  dir: string;
  s3?: S3Config;
  /** The largest file an upload takes (UPLOAD_MAX_MB), in bytes. */
  uploadMaxBytes: number;
}

/**
 * Where uploaded materials live. S3_BUCKET set: an S3-compatible store (S3_ENDPOINT for one
 * that is not AWS, with its keys); otherwise the local folder FILES_DIR.
 */
export function parseStorageConfig(env: Env): StorageConfig {
  const bucket = readString(env, 'S3_BUCKET');
  const driver = readEnum(env, 'STORAGE_DRIVER', ['local', 's3'] as const, bucket ? 's3' : 'local');
  const uploadMaxBytes = readInt(env, 'UPLOAD_MAX_MB', 200, { min: 1, max: 10_240 }) * 1024 * 1024;
  const dir = readString(env, 'FILES_DIR', '.data/files');
  if (driver === 'local') return { driver, dir, uploadMaxBytes };
  if (!bucket) throw new ConfigError('S3_BUCKET', 'is required with STORAGE_DRIVER=s3');
  const endpoint = readUrl(env, 'S3_ENDPOINT', ['http:', 'https:']);
  const accessKeyId = readString(env, 'S3_ACCESS_KEY_ID');
  const secretAccessKey = readString(env, 'S3_SECRET_ACCESS_KEY');
  if (!accessKeyId !== !secretAccessKey)
    throw new ConfigError('S3_ACCESS_KEY_ID', 'and S3_SECRET_ACCESS_KEY go together');
  return {
    driver,
    dir,
    uploadMaxBytes,
    s3: {
      bucket,
      region: readString(env, 'S3_REGION', 'us-east-1'),
      endpoint,
      accessKeyId,
      secretAccessKey,
      forcePathStyle: readBool(env, 'S3_FORCE_PATH_STYLE', endpoint !== undefined),
    },
  };
}

export const storageConfig = registerAs('storage', () => parseStorageConfig(process.env));
