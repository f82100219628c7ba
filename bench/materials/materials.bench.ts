/*
 * Materials (issue 25), on the real stack with its files in S3Proxy (an S3-compatible store on
 * loopback, file-system backend) as `npm run start:cluster` keeps them:
 *
 * 1. Upload throughput: BENCH_FILE_MB (50) MB files, BENCH_UPLOAD_CONCURRENCY (4) at a time,
 *    through the API (multipart POST: typed, hashed and streamed into the store, recorded, handed
 *    to the workflow) against a direct PUT of the same bytes to the same store (one PutObject
 *    each, from this process). ABBA halves of BENCH_UPLOADS (16) files a side. Target: ≥ 0.8×.
 * 2. The API's memory: its RSS, sampled every 100 ms, while BENCH_RSS_UPLOADS (20) uploads of
 *    BENCH_RSS_FILE_MB (100) MB run at once. Target: it grows by < 100 MB.
 * 3. The materials list of a project with ~30 items and BENCH_LIST_FILES (150) files against the
 *    project's report: closed loop at concurrency 10 for BENCH_SECONDS (10) s per route, ABBA.
 *    Target: the list's p99 ≤ 2× the report's.
 *
 *   npm run bench:materials     # ~4 min (builds dist/ first)
 *
 * Writes bench/results/materials.json.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { s3Client } from '../../libs/storage/src';
import { readFileSync } from 'node:fs';
import { samplePdf } from '../../libs/client/src';
import { freePort, startS3Proxy, type RunningS3Proxy } from '../../libs/embedded/src';
import {
  ApiClient,
  BenchRun,
  abba,
  describeCpu,
  envNumber,
  mergeLoadResults,
  onCleanup,
  ratio,
  round,
  runBench,
  runLoad,
  startStack,
  withCpu,
  writeResults,
  type LoadResult,
} from '../lib';

const BUCKET = 'materials';
const MB = 1024 * 1024;

/** A PDF of `mb` megabytes: a header the API recognises, then padding. */
const bigPdf = (mb: number) =>
  Buffer.concat([Buffer.from(samplePdf('bench')), Buffer.alloc(mb * MB, 0x20)]);

/** Resident memory of a process (Linux /proc), in MB. */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return line ? Number(line.replace(/\D+/g, '')) / 1024 : NaN;
}

/** A government school with every utility and both municipal works: the longest checklist. */
const ALL_ITEMS = {
  projectType: 'GOVERNMENT_INVESTED',
  landAcquisition: 'GRANT',
  regionalAssessment: 'NO',
  eiaCategory: 'REPORT',
  civilAirDefence: 'YES',
  fireSpecial: 'YES',
  belowPermitThreshold: 'NO',
  utilities: ['WATER', 'POWER', 'GAS'],
  municipalWorks: ['ROAD_EXCAVATION', 'GREEN_SPACE'],
  culturalRelics: 'YES',
};

runBench('materials', async () => {
  const run = new BenchRun('materials');
  run.header();
  const fileMb = envNumber('BENCH_FILE_MB', 50);
  const uploads = envNumber('BENCH_UPLOADS', 16);
  const concurrency = envNumber('BENCH_UPLOAD_CONCURRENCY', 4);
  const rssUploads = envNumber('BENCH_RSS_UPLOADS', 20);
  const rssFileMb = envNumber('BENCH_RSS_FILE_MB', 100);
  const listFiles = envNumber('BENCH_LIST_FILES', 150);
  const seconds = envNumber('BENCH_SECONDS', 10);

  await run.snapshotLoad('before');
  const s3dir = `/tmp/bench-s3proxy-${process.pid}`;
  const s3: RunningS3Proxy = await startS3Proxy({ dataDir: s3dir, port: await freePort() });
  onCleanup('S3Proxy', () => s3.stop());
  const stack = await startStack({
    name: 'materials',
    log: run.log,
    app: {
      env: {
        S3_BUCKET: BUCKET,
        S3_ENDPOINT: s3.endpoint,
        S3_ACCESS_KEY_ID: s3.accessKeyId,
        S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
        UPLOAD_MAX_MB: String(Math.max(fileMb, rssFileMb) + 1),
      },
    },
  });
  const api = new ApiClient(stack.apiUrl!);
  const applicant = await api.login('applicant', 'demo');
  const s3client = s3Client({
    endpoint: s3.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
  });

  const project = await api.post<{
    id: string;
    stages: { themes: { items: { code: string; materials: { code: string }[] }[] }[] }[];
  }>(
    '/api/projects',
    { name: '材料基准 · 全部事项', answers: ALL_ITEMS },
    { token: applicant, key: `bench-materials-${process.pid}` },
  );
  const slots = project.stages.flatMap((s) =>
    s.themes.flatMap((t) => t.items.flatMap((i) => i.materials.map((m) => [i.code, m.code]))),
  );
  const items = new Set(slots.map(([i]) => i)).size;
  run.log(`project ${project.id}: ${items} items, ${slots.length} materials`);
  const uploadPath = (n: number) => {
    const [item, material] = slots[n % slots.length];
    return `/api/projects/${project.id}/items/${item}/materials/${material}/files`;
  };
  let uploaded = 0;
  const viaApi = (bytes: Buffer) => async () => {
    const n = uploaded++;
    const a = await api.upload(
      uploadPath(n),
      { name: `f${n}.pdf`, bytes: new Uint8Array(bytes), type: 'application/pdf' },
      { token: applicant },
    );
    if (a.status !== 201) throw new Error(`upload ${n}: ${a.status} ${JSON.stringify(a.body)}`);
  };
  let put = 0;
  const direct = (bytes: Buffer) => async () => {
    await s3client.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: `direct/${put++}`,
        Body: bytes,
        ContentType: 'application/pdf',
      }),
    );
  };

  // 1. Throughput, API vs direct, ABBA.
  const file = bigPdf(fileMb);
  const half = Math.max(1, Math.floor(uploads / 2));
  const measure = async (label: string, op: () => Promise<void>) =>
    withCpu(stack.cpuGroups, () =>
      runLoad({ label, concurrency, total: half, op, failFast: true, log: run.log }),
    );
  const upload = await abba(
    (p) => measure(`API upload ${fileMb} MB c=${concurrency} (${p + 1}/2)`, viaApi(file)),
    (p) => measure(`direct PUT ${fileMb} MB c=${concurrency} (${p + 1}/2)`, direct(file)),
  );
  const mbps = (rs: { value: LoadResult }[]) => {
    const r = mergeLoadResults(
      'uploads',
      rs.map((x) => x.value),
    );
    return round((r.completed * file.length) / MB / (r.elapsedMs / 1000), 1);
  };
  const apiMbps = mbps(upload.a);
  const directMbps = mbps(upload.b);
  run.log(
    `upload: API ${apiMbps} MB/s vs direct ${directMbps} MB/s = ${ratio(apiMbps, directMbps)}×`,
  );
  for (const x of [...upload.a, ...upload.b]) run.log(describeCpu(x.cpu, run.machine.cores));

  // 2. The API's memory while many large uploads run at once.
  const apiPid = stack.children.find((c) => c.name === 'api')!.pid;
  const rssBefore = rssMb(apiPid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(apiPid))), 100);
  const large = bigPdf(rssFileMb);
  const t0 = performance.now();
  await Promise.all(Array.from({ length: rssUploads }, () => viaApi(large)()));
  const rssSeconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  run.log(
    `memory: ${rssUploads} × ${rssFileMb} MB at once in ${round(rssSeconds, 1)} s; API RSS ${round(rssBefore, 0)} → peak ${round(rssPeak, 0)} MB (+${round(rssPeak - rssBefore, 0)})`,
  );

  // 3. The materials list of the project (now with its files) against its report.
  const small = Buffer.from(samplePdf('list'));
  const more = Math.max(0, listFiles - uploaded);
  await runLoad({
    label: 'list fill',
    concurrency: 4,
    total: more,
    op: viaApi(small),
    failFast: true,
    log: null,
  });
  const reportPath = `/api/projects/${project.id}`;
  const listPath = `${reportPath}/materials`;
  const read = (path: string) => async () => {
    const a = await api.send('GET', path, { token: applicant });
    if (a.status !== 200) throw new Error(`${path}: ${a.status}`);
  };
  const timed = (label: string, path: string) =>
    withCpu(stack.cpuGroups, () =>
      runLoad({
        label,
        concurrency: 10,
        total: 1e9,
        maxSeconds: seconds / 2,
        op: read(path),
        log: run.log,
      }),
    );
  const reads = await abba(
    (p) => timed(`materials list (${p + 1}/2)`, listPath),
    (p) => timed(`report (${p + 1}/2)`, reportPath),
  );
  const list = mergeLoadResults(
    'materials list',
    reads.a.map((x) => x.value),
  );
  const report = mergeLoadResults(
    'report',
    reads.b.map((x) => x.value),
  );
  run.log(
    `reads: list p99 ${list.latency.p99Ms} ms vs report p99 ${report.latency.p99Ms} ms = ${ratio(list.latency.p99Ms, report.latency.p99Ms)}× (${uploaded} files on ${items} items)`,
  );

  await run.snapshotLoad('after');
  const results = {
    ...run.conditions(),
    storage: `S3Proxy (file-system backend) on loopback, ${s3.endpoint}`,
    upload: {
      fileMb,
      concurrency,
      files: half * 2,
      apiMBps: apiMbps,
      directMBps: directMbps,
      ratio: ratio(apiMbps, directMbps),
      target: 0.8,
      cpu: { api: upload.a.map((x) => x.cpu), direct: upload.b.map((x) => x.cpu) },
    },
    memory: {
      uploads: rssUploads,
      fileMb: rssFileMb,
      seconds: round(rssSeconds, 1),
      rssBeforeMb: round(rssBefore, 0),
      rssPeakMb: round(rssPeak, 0),
      growthMb: round(rssPeak - rssBefore, 0),
      targetMb: 100,
    },
    reads: {
      items,
      files: uploaded,
      list: { rate: list.rate, latency: list.latency },
      report: { rate: report.rate, latency: report.latency },
      p99Ratio: ratio(list.latency.p99Ms, report.latency.p99Ms),
      target: 2,
    },
  };
  writeResults('materials', results);
  s3client.destroy();
  await stack.stop();
  await s3.stop();
});
