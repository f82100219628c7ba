import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as Pg } from 'pg';
import request from 'supertest';
import { ApiClient, handInStage, samplePdf } from '../libs/client/src';
import { EXAMPLE_ANSWERS } from '../libs/domain/src';
import { Harness, startHarness, userToken } from './app-harness';

type Material = {
  code: string;
  status: string;
  round: number;
  producedBy: string | null;
  result: { number: string } | null;
  files: { id: string; round: number; sha256: string; filename: string }[];
};
type MaterialsView = { items: { code: string; taskId: string; materials: Material[] }[] };

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/**
 * Materials over HTTP against the real stack: files streamed into the local storage folder,
 * recorded, handed to the workflow, listed, downloaded byte for byte, refused as the issue says
 * (nothing stored), judged by an officer, corrected in round 2, provided by an earlier result.
 */
describe('materials: upload, list, download, review (real stack)', () => {
  let h: Harness;
  let pg: Pg;
  let api: ApiClient;
  let filesDir: string;
  const auth: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${auth[who]}` });
  let project: string;

  const materials = async (who = 'mat-applicant', id = project) =>
    (await request(h.url).get(`/api/projects/${id}/materials`).set(as(who)).expect(200))
      .body as MaterialsView;
  const material = (v: MaterialsView, item: string, code: string) =>
    v.items.find((i) => i.code === item)!.materials.find((m) => m.code === code)!;
  const upload = (path: string, bytes: Buffer | Uint8Array, name: string, who = 'mat-applicant') =>
    request(h.url)
      .post(`/api/projects/${project}/items/${path}/files`)
      .set(as(who))
      .attach('file', Buffer.from(bytes), name);
  const rows = async () =>
    Number((await pg.query('SELECT count(*) AS n FROM material_files')).rows[0].n);
  const stored = () =>
    readdirSync(filesDir, { recursive: true }).filter(
      (f) => !String(f).startsWith('.partial') && String(f).includes('-'),
    ).length;

  beforeAll(async () => {
    filesDir = mkdtempSync(join(tmpdir(), 'files-'));
    h = await startHarness({ FILES_DIR: filesDir, UPLOAD_MAX_MB: '1' });
    pg = new Pg({ connectionString: process.env.DATABASE_URL });
    await pg.connect();
    api = new ApiClient(h.url);
    for (const u of [
      { username: 'mat-applicant', role: 'APPLICANT' as const, organisation: 'org-mat' },
      { username: 'mat-other', role: 'APPLICANT' as const, organisation: 'org-mat2' },
      { username: 'mat-window', role: 'WINDOW_OFFICER' as const },
      { username: 'mat-officer.NRP', role: 'REVIEWING_OFFICER' as const, department: 'NRP' },
      { username: 'mat-officer.DRC', role: 'REVIEWING_OFFICER' as const, department: 'DRC' },
    ])
      auth[u.username] = await userToken(h, u);
    project = (
      await request(h.url)
        .post('/api/projects')
        .set(as('mat-applicant'))
        .send({ name: '材料测试小学', answers: EXAMPLE_ANSWERS.school })
        .expect(201)
    ).body.id as string;
  });
  afterAll(async () => {
    await pg?.end();
    await h?.close();
    rmSync(filesDir, { recursive: true, force: true });
  });

  it('lists what each item asks for; a submission without it is refused, naming the materials', async () => {
    const v = await materials();
    expect(material(v, 'LAND_USE_PERMIT', 'APPLICATION')).toMatchObject({
      status: 'MISSING',
      round: 1,
      files: [],
    });
    expect(material(v, 'LAND_USE_PERMIT', 'PROJECT_BASIS').producedBy).toBe('PROJECT_PROPOSAL');
    const refused = await request(h.url)
      .post(`/api/projects/${project}/stages/PLAN/submission`)
      .set(as('mat-applicant'))
      .send({})
      .expect(400);
    expect(refused.body.message).toMatch(
      /^materials missing: .*LAND_USE_PERMIT: .*\(APPLICATION\)/,
    );
    // Why, for a page to say in the reader's language: a stable key and the names, both languages.
    expect(refused.body.reason.key).toBe('MATERIALS_MISSING');
    expect(refused.body.reason.params.materials).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: expect.any(String), nameEn: expect.any(String) }),
      ]),
    );
  });

  it('stores an upload, lists it, and serves it byte for byte to those who may see the project', async () => {
    const pdf = samplePdf('土地 map');
    const res = await upload(
      'LAND_USE_PERMIT/materials/TOPOGRAPHIC_MAP',
      pdf,
      '现状地形图.pdf',
    ).expect(201);
    expect(res.body).toMatchObject({
      filename: '现状地形图.pdf',
      size: pdf.length,
      sha256: sha(pdf),
      contentType: 'application/pdf',
      round: 1,
      uploadedBy: 'mat-applicant',
    });
    const m = material(await materials(), 'LAND_USE_PERMIT', 'TOPOGRAPHIC_MAP');
    expect(m).toMatchObject({ status: 'UPLOADED', files: [{ id: res.body.id, round: 1 }] });

    const got = await request(h.url)
      .get(`/api/files/${res.body.id}`)
      .set(as('mat-window'))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(sha(got.body as Buffer)).toBe(sha(pdf));
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('现状地形图.pdf')}`,
    );
    const audit = await pg.query(
      `SELECT actor FROM audit_events WHERE action = 'FILE_DOWNLOADED' AND subject = $1`,
      [res.body.id],
    );
    expect(audit.rows).toEqual([{ actor: 'mat-window' }]);

    // Another organisation knows neither the file nor the project.
    await request(h.url).get(`/api/files/${res.body.id}`).set(as('mat-other')).expect(404);
    await request(h.url).get(`/api/projects/${project}/materials`).set(as('mat-other')).expect(404);
    await upload('LAND_USE_PERMIT/materials/TOPOGRAPHIC_MAP', pdf, 'x.pdf', 'mat-other').expect(
      404,
    );
  });

  it('refuses bad uploads with a clear answer, storing nothing', async () => {
    const before = { rows: await rows(), stored: stored() };
    const path = 'LAND_USE_PERMIT/materials/APPLICATION';
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1024 * 1024 + 10, 0x20)]);
    expect((await upload(path, big, 'big.pdf').expect(413)).body.message).toMatch(/UPLOAD_MAX_MB/);
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(600, 1)]);
    expect((await upload(path, exe, 'looks-fine.pdf').expect(415)).body.message).toMatch(
      /not one of PDF, OFD, JPEG, PNG, DWG, DXF or ZIP/,
    );
    await upload(path, Buffer.alloc(0), 'empty.pdf').expect(400);
    await upload('LAND_USE_PERMIT/materials/NO_SUCH', samplePdf(), 'a.pdf').expect(404);
    await upload('LAND_USE_PERMIT/materials/bad-code', samplePdf(), 'a.pdf').expect(400);
    await upload('GREEN_SPACE/materials/APPLICATION', samplePdf(), 'a.pdf').expect(404);
    await request(h.url)
      .post(`/api/projects/${project}/items/${path}/files`)
      .set(as('mat-applicant'))
      .field('other', 'x')
      .expect(400);
    expect(await rows()).toBe(before.rows);
    expect(stored()).toBe(before.stored);
  });

  it('leaves no file when the connection breaks off mid-upload', async () => {
    const before = { rows: await rows(), stored: stored() };
    const url = new URL(h.url);
    const boundary = '----cut';
    await new Promise<void>((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname, () => {
        const head =
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.pdf"\r\n` +
          `Content-Type: application/pdf\r\n\r\n%PDF-1.4\n${'x'.repeat(2000)}`;
        socket.write(
          `POST /api/projects/${project}/items/LAND_USE_PERMIT/materials/APPLICATION/files HTTP/1.1\r\n` +
            `Host: ${url.host}\r\nAuthorization: Bearer ${auth['mat-applicant']}\r\n` +
            `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: 500000\r\n\r\n${head}`,
        );
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 300);
      });
      socket.on('error', reject);
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(await rows()).toBe(before.rows);
    expect(stored()).toBe(before.stored);
  });

  it('stores one file for a retried upload with the same Idempotency-Key', async () => {
    const before = await rows();
    const key = `upload-${randomUUID()}`;
    const send = () =>
      upload('LAND_USE_PERMIT/materials/APPLICATION', samplePdf('申请表'), '申请表.pdf').set(
        'Idempotency-Key',
        key,
      );
    const first = await send().expect(201);
    const again = await send().expect(200);
    expect(again.body.id).toBe(first.body.id);
    expect(await rows()).toBe(before + 1);
  });

  it('an officer judges a material, a supplement asks for it again, round 2 shows what changed', async () => {
    await handInStage(api, auth['mat-applicant'], project, 'PLAN', { keyPrefix: 'plan' });
    await request(h.url)
      .post(`/api/projects/${project}/stages/PLAN/submission`)
      .set(as('mat-applicant'))
      .send({})
      .expect(200);
    await request(h.url)
      .post(`/api/projects/${project}/stages/PLAN/acceptance`)
      .set(as('mat-window'))
      .send({ decision: 'ACCEPT' })
      .expect(200);
    // After acceptance the round is closed.
    await upload('LAND_USE_PERMIT/materials/APPLICATION', samplePdf(), 'late.pdf').expect(409);

    const task = (await materials()).items.find((i) => i.code === 'LAND_PRE_REVIEW')!.taskId;
    await request(h.url)
      .post(`/api/tasks/${task}/materials/SITE_MAP/review`)
      .set(as('mat-officer.DRC'))
      .send({ verdict: 'ACCEPTED' })
      .expect(404); // another department's item
    const judged = await request(h.url)
      .post(`/api/tasks/${task}/materials/SITE_MAP/review`)
      .set(as('mat-officer.NRP'))
      .send({ verdict: 'NEEDS_CORRECTION', reason: '比例尺不足' })
      .expect(200);
    expect(judged.body).toMatchObject({ code: 'SITE_MAP', status: 'NEEDS_CORRECTION' });
    await request(h.url)
      .post(`/api/tasks/${task}/decision`)
      .set(as('mat-officer.NRP'))
      .send({ action: 'APPROVE' })
      .expect(409);
    await request(h.url)
      .post(`/api/tasks/${task}/decision`)
      .set(as('mat-officer.NRP'))
      .send({ action: 'REQUEST_SUPPLEMENT', comment: '请补正选址图' })
      .expect(200);
    const notice = await pg.query(
      `SELECT message FROM notices WHERE project_id = $1 AND kind = 'CLOCK_STOPPED' ORDER BY seq DESC LIMIT 1`,
      [project],
    );
    expect(notice.rows[0].message).toContain('比例尺不足');
    await request(h.url)
      .post(`/api/projects/${project}/items/LAND_PRE_REVIEW/supplement`)
      .set(as('mat-applicant'))
      .send({})
      .expect(400);
    const v2 = samplePdf('选址图 第二版');
    await upload('LAND_PRE_REVIEW/materials/SITE_MAP', v2, '选址图v2.pdf').expect(201);
    await request(h.url)
      .post(`/api/projects/${project}/items/LAND_PRE_REVIEW/supplement`)
      .set(as('mat-applicant'))
      .send({})
      .expect(200);
    const m = material(await materials('mat-officer.NRP'), 'LAND_PRE_REVIEW', 'SITE_MAP');
    expect(m).toMatchObject({ status: 'UPLOADED', round: 2 });
    expect(m.files.map((f) => [f.round, f.sha256])).toEqual([
      [1, expect.any(String)],
      [2, sha(v2)],
    ]);
  });

  it("provides an approved item's result to a later item, with its number", async () => {
    const v = await materials();
    const proposal = v.items.find((i) => i.code === 'PROJECT_PROPOSAL')!.taskId;
    await request(h.url)
      .post(`/api/tasks/${proposal}/decision`)
      .set(as('mat-officer.DRC'))
      .send({ action: 'APPROVE' })
      .expect(200);
    const basis = material(await materials(), 'LAND_USE_PERMIT', 'PROJECT_BASIS');
    expect(basis.status).toBe('PROVIDED_BY_RESULT');
    expect(basis.result?.number).toMatch(/^BJ-\d{4}-\d{6}$/);
    await upload('LAND_USE_PERMIT/materials/PROJECT_BASIS', samplePdf(), 'x.pdf').expect(409);
  });
});
