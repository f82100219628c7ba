import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { StartupError, assertPortFree, tcpOpen, waitFor } from './ports';
import { setupScript } from './temporal-binaries';

export interface S3ProxyOptions {
  /** Where the buckets live (a folder per bucket). */
  dataDir: string;
  port: number;
  onLog?: (line: string) => void;
}

export interface RunningS3Proxy {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * S3Proxy on loopback with a file-system backend: a real S3 endpoint (SigV4, multipart uploads)
 * for the S3 storage driver's tests and `npm run start:cluster`. Its keys are local only.
 */
export async function startS3Proxy(opts: S3ProxyOptions): Promise<RunningS3Proxy> {
  const jar = setupScript().ensureS3Proxy();
  await assertPortFree(opts.port, '127.0.0.1', 'S3Proxy', 'S3PROXY_PORT');
  const dataDir = resolve(opts.dataDir);
  mkdirSync(join(dataDir, 'buckets'), { recursive: true });
  const endpoint = `http://127.0.0.1:${opts.port}`;
  const keys = { accessKeyId: 'local-identity', secretAccessKey: 'local-credential-not-secret' };
  const properties = join(dataDir, 's3proxy.conf');
  writeFileSync(
    properties,
    [
      `s3proxy.endpoint=${endpoint}`,
      's3proxy.authorization=aws-v2-or-v4',
      `s3proxy.identity=${keys.accessKeyId}`,
      `s3proxy.credential=${keys.secretAccessKey}`,
      'jclouds.provider=filesystem',
      `jclouds.filesystem.basedir=${join(dataDir, 'buckets')}`,
      '',
    ].join('\n'),
  );
  const child = spawn(
    'java',
    ['-XX:+UseSerialGC', '-Xmx256m', '-jar', jar, '--properties', properties],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const lines: string[] = [];
  const keep = (b: Buffer) => {
    for (const line of b.toString().split('\n').filter(Boolean)) {
      lines.push(line);
      if (lines.length > 50) lines.shift();
      opts.onLog?.(line);
    }
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  try {
    await waitFor('S3Proxy', () => tcpOpen('127.0.0.1', opts.port), {
      timeoutMs: 60_000,
      intervalMs: 200,
    });
  } catch (err) {
    child.kill('SIGKILL');
    throw new StartupError(`${(err as Error).message}: ${lines.slice(-5).join(' ')}`);
  }
  return {
    endpoint,
    ...keys,
    process: child,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(t);
    },
  };
}
