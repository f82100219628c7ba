import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import request from 'supertest';
import { samplePdf } from '../libs/client/src';
import { EXAMPLE_ANSWERS } from '../libs/domain/src';
import { freePort, startS3Proxy, type RunningS3Proxy } from '../libs/embedded/src';
import { S3FileStorage, StoredFileNotFound } from '../libs/storage/src';
import { Harness, startHarness, userToken } from './app-harness';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const BUCKET = 'approval-materials';

/**
 * The S3 storage driver against a real S3-compatible server on loopback (S3Proxy from Maven
 * Central, file-system backend): what the API stores is an object in the bucket, a download is
 * byte-identical, and a refused or broken-off upload leaves no object.
 */
describe('materials in an S3-compatible store (S3Proxy, real stack)', () => {
  let s3: RunningS3Proxy;
  let h: Harness;
  let dir: string;
  let client: S3Client;
  const auth: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${auth[who]}` });
  const objects = async () =>
    (await client.send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents?.map((o) => o.Key) ??
    [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 's3proxy-'));
    s3 = await startS3Proxy({ dataDir: dir, port: await freePort() });
    h = await startHarness({
      S3_BUCKET: BUCKET,
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY_ID: s3.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      UPLOAD_MAX_MB: '8',
    });
    client = new S3Client({
      endpoint: s3.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    });
    auth.applicant = await userToken(h, {
      username: 's3-applicant',
      role: 'APPLICANT',
      organisation: 'org-s3',
    });
  });
  afterAll(async () => {
    client?.destroy();
    await h?.close();
    await s3?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the driver puts, gets and deletes an object; a broken stream leaves none', async () => {
    const store = new S3FileStorage({
      bucket: BUCKET,
      region: 'us-east-1',
      endpoint: s3.endpoint,
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
      forcePathStyle: true,
    });
    await store.init();
    // 12 MB, handed over in two chunks.
    const big = Buffer.alloc(12 * 1024 * 1024, 7);
    await store.put(
      'driver/big',
      Readable.from([big.subarray(0, 6e6), big.subarray(6e6)]),
      'application/pdf',
    );
    const chunks: Buffer[] = [];
    for await (const c of await store.get('driver/big')) chunks.push(c as Buffer);
    expect(sha(Buffer.concat(chunks))).toBe(sha(big));
    await store.delete('driver/big');
    await expect(store.get('driver/big')).rejects.toBeInstanceOf(StoredFileNotFound);

    async function* breaksOff() {
      yield Buffer.alloc(6 * 1024 * 1024, 1);
      throw new Error('connection reset');
    }
    await expect(
      store.put('driver/broken', Readable.from(breaksOff()), 'application/pdf'),
    ).rejects.toThrow('connection reset');
    expect((await objects()).filter((k) => k?.startsWith('driver/'))).toEqual([]);
    store.destroy();
  });

  it('an upload through the API is an object in the bucket and downloads byte for byte', async () => {
    const project = (
      await request(h.url)
        .post('/api/projects')
        .set(as('applicant'))
        .send({ name: 'S3 仓库', answers: EXAMPLE_ANSWERS.warehouse })
        .expect(201)
    ).body.id as string;
    const materials = (
      await request(h.url)
        .get(`/api/projects/${project}/materials`)
        .set(as('applicant'))
        .expect(200)
    ).body as { items: { code: string; materials: { code: string }[] }[] };
    const item = materials.items[0];
    const path = `/api/projects/${project}/items/${item.code}/materials/${item.materials[0].code}/files`;
    const pdf = Buffer.concat([Buffer.from(samplePdf('s3')), Buffer.alloc(6 * 1024 * 1024, 0x20)]);
    const up = await request(h.url)
      .post(path)
      .set(as('applicant'))
      .attach('file', pdf, 'drawing set.pdf')
      .expect(201);
    expect(up.body.sha256).toBe(sha(pdf));
    expect(await objects()).toContain(`${project}/${up.body.id}`);

    const got = await request(h.url)
      .get(`/api/files/${up.body.id}`)
      .set(as('applicant'))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(sha(got.body as Buffer)).toBe(sha(pdf));

    // Over the limit (8 MB here): refused, and nothing left in the bucket.
    const before = (await objects()).length;
    const tooBig = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(9 * 1024 * 1024, 0x20)]);
    await request(h.url)
      .post(path)
      .set(as('applicant'))
      .attach('file', tooBig, 'big.pdf')
      .expect(413);
    expect((await objects()).length).toBe(before);
  });
});
