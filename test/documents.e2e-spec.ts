/**
 * Receipts (受理单) and issued results (办结通知) over HTTP against the real stack: a receipt
 * appears when the window accepts a stage and promises the due dates the report shows; a result
 * appears when an item is approved and not before; both come as JSON or as a Chinese PDF; nobody
 * who may not read the project learns anything.
 */
import request from 'supertest';
import { DataSource } from 'typeorm';
import { PdfService } from '../apps/api/src/documents/pdf.service';
import { npmPdfFontPath } from '../libs/config/src';
import { EXAMPLE_ANSWERS } from '../libs/domain/src';
import { insertOrganisation } from '../libs/persistence/src';
import { handIn, Harness, startHarness, userToken } from './app-harness';
import { pdfText } from './pdf-text';

interface ReportItem {
  code: string;
  name: string;
  department: string;
  status: string;
  taskId: string;
  clock: { limitDays: number; dueDate: string | null };
}
interface Report {
  id: string;
  clock: { limitDays: number };
  stages: { code: string; acceptedOn: string | null; themes: { items: ReportItem[] }[] }[];
}
interface Receipt {
  number: string;
  stage: string;
  acceptedOn: string;
  projectLimitDays: number;
  projectName: string;
  items: {
    code: string;
    name: string;
    department: string;
    departmentCode: string;
    limitDays: number;
    dueDate: string | null;
  }[];
}

/** supertest buffers a binary body only when told how. */
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

const planItems = (r: Report) =>
  r.stages.find((s) => s.code === 'PLAN')!.themes.flatMap((t) => t.items);

describe('receipts and issued results (real PostgreSQL, Temporal, HTTP)', () => {
  let h: Harness;
  const auth: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${auth[who]}` });
  let projectId: string;
  let accepted: Report;
  const name = `受理单仓库-${Date.now()}`;
  /** What the administrator holds for the applicant's organisation: documents print it. */
  const orgName = `丁建设公司${Date.now()}`;
  /** An item code in brackets, as documents printed them: "（PROJECT_PROPOSAL）". */
  const bracketedCode = /[（(][A-Z][A-Z0-9_]{2,}[）)]/;

  beforeAll(async () => {
    h = await startHarness();
    await insertOrganisation(h.app.get(DataSource), {
      code: 'org-d1',
      name: orgName,
      creditCode: `E2E-D1-${Date.now()}`,
    });
    const users = [
      { username: 'd-applicant', role: 'APPLICANT' as const, organisation: 'org-d1' },
      { username: 'd-applicant2', role: 'APPLICANT' as const, organisation: 'org-d2' },
      { username: 'd-window', role: 'WINDOW_OFFICER' as const, displayName: '窗口 王五' },
      {
        username: 'd-officer.DRC',
        role: 'REVIEWING_OFFICER' as const,
        department: 'DRC',
        displayName: '发改 张三',
      },
      { username: 'd-officer.GAS', role: 'REVIEWING_OFFICER' as const, department: 'GAS' },
    ];
    for (const u of users) auth[u.username] = await userToken(h, u);
    projectId = (
      await request(h.url)
        .post('/api/projects')
        .set(as('d-applicant'))
        .send({ name, answers: EXAMPLE_ANSWERS.warehouse })
        .expect(201)
    ).body.id as string;
  });
  afterAll(async () => {
    await h?.close();
  });

  const receipt = (who = 'd-applicant', stage = 'PLAN') =>
    request(h.url).get(`/api/projects/${projectId}/stages/${stage}/receipt`).set(as(who));

  it('has no receipt before the window accepts the stage', async () => {
    const res = await receipt().expect(404);
    expect(res.body.message).toMatch(/^receipt of stage PLAN not found: the stage is NOT_STARTED/);
    await handIn(h, auth['d-applicant'], projectId, 'PLAN');
    await request(h.url)
      .post(`/api/projects/${projectId}/stages/PLAN/submission`)
      .set(as('d-applicant'))
      .send({})
      .expect(200);
    expect((await receipt().expect(404)).body.message).toMatch(/the stage is SUBMITTED/);
  });

  it("issues a numbered receipt at acceptance whose due dates are the report's", async () => {
    accepted = (
      await request(h.url)
        .post(`/api/projects/${projectId}/stages/PLAN/acceptance`)
        .set(as('d-window'))
        .send({ decision: 'ACCEPT' })
        .expect(200)
    ).body as Report;
    const report = (
      await request(h.url).get(`/api/projects/${projectId}`).set(as('d-applicant')).expect(200)
    ).body as Report;
    const r = (await receipt().expect(200)).body as Receipt;
    const acceptedOn = report.stages.find((s) => s.code === 'PLAN')!.acceptedOn!;
    expect(r.number).toMatch(new RegExp(`^SL-${acceptedOn.slice(0, 4)}-\\d{6}$`));
    expect(r).toMatchObject({
      stage: 'PLAN',
      acceptedOn,
      projectName: name,
      ownerOrganisation: 'org-d1',
      ownerOrganisationName: orgName,
    });
    expect(r.projectLimitDays).toBe(report.clock.limitDays);
    const items = planItems(report);
    expect(items.length).toBeGreaterThan(0);
    expect(items.some((i) => i.clock.dueDate)).toBe(true);
    expect(r.items.map((i) => [i.code, i.name, i.departmentCode, i.limitDays, i.dueDate])).toEqual(
      items.map((i) => [i.code, i.name, i.department, i.clock.limitDays, i.clock.dueDate]),
    );
    // Departments by name, as the applicant reads them.
    const drc = r.items.find((i) => i.departmentCode === 'DRC')!;
    expect(drc.department).toMatch(/[\u4e00-\u9fff]/);
    // Asking again is the same document.
    expect((await receipt().expect(200)).body).toEqual(r);
    // Other stages are not accepted yet.
    expect((await receipt('d-applicant', 'START_PERMIT').expect(404)).body.message).toMatch(
      /^receipt of stage START_PERMIT not found/,
    );
  });

  it('serves the receipt as a PDF in Chinese with Accept: application/pdf', async () => {
    const json = (await receipt().expect(200)).body as Receipt;
    const res = await receipt()
      .set('Accept', 'application/pdf')
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/pdf/);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="${json.number}.pdf"; filename*=UTF-8''${json.number}.pdf`,
    );
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain(json.number);
    expect(text).toContain('受理单');
    expect(text).toContain(name);
    // The organisation and the items by name, as the applicant knows them; no codes.
    expect(text).toContain(`建设单位：${orgName}`);
    expect(text).not.toContain('org-d1');
    expect(text).not.toMatch(bracketedCode);
    for (const i of json.items) {
      expect(text).not.toContain(i.code);
      expect(text).toContain(i.name.slice(0, 8)); // long names wrap inside their cell
      if (i.dueDate) expect(text).toContain(i.dueDate);
    }
    // The font is embedded: the file carries its glyphs, not a reference to a system font.
    expect(pdf.toString('latin1')).toMatch(/\/FontFile[23]?\b/);
  });

  it('serves the 一次性告知书 as a PDF under its Chinese file name, of a project and of answers', async () => {
    const own = await request(h.url)
      .get(`/api/projects/${projectId}/requirements`)
      .set(as('d-applicant'))
      .set('Accept', 'application/pdf')
      .buffer(true)
      .parse(binary)
      .expect(200);
    const preview = await request(h.url)
      .post('/api/checklists/requirements')
      .set(as('d-applicant'))
      .set('Accept', 'application/pdf')
      .send({ answers: EXAMPLE_ANSWERS.warehouse })
      .buffer(true)
      .parse(binary)
      .expect(200);
    for (const [res, file] of [
      [own, `告知书-${projectId.slice(0, 8)}.pdf`],
      [preview, '告知书-预览.pdf'],
    ] as const) {
      expect(res.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent(file)}`,
      );
      expect((res.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdfText(res.body as Buffer).replace(/\s/g, '')).toContain(
        '国有建设用地使用权出让合同',
      );
    }
  });

  it('needs no system font: with PDF_FONT_PATH unset the font npm ci installed serves', async () => {
    // What a fresh machine without Debian's fonts-noto-cjk gets after `npm ci && npm start`.
    expect(process.env.PDF_FONT_PATH).toBeUndefined();
    expect(h.app.get(PdfService).fontPath).toBe(npmPdfFontPath());
    const pdf = (
      await receipt().set('Accept', 'application/pdf').buffer(true).parse(binary).expect(200)
    ).body as Buffer;
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansHans-Regular/);
    expect(pdfText(pdf)).toContain('工程建设项目审批受理单');
  });

  it('issues a result when an item is approved, and not before', async () => {
    const item = planItems(accepted).find(
      (i) => i.department === 'DRC' && i.status === 'UNDER_REVIEW',
    )!;
    const result = () =>
      request(h.url)
        .get(`/api/projects/${projectId}/items/${item.code}/result`)
        .set(as('d-applicant'));
    expect((await result().expect(404)).body.message).toBe(
      `result of item ${item.code} not found: the item is UNDER_REVIEW; a result is issued when it is approved`,
    );
    await request(h.url)
      .post(`/api/tasks/${item.taskId}/decision`)
      .set(as('d-officer.DRC'))
      .send({ action: 'APPROVE' })
      .expect(200);
    const report = (
      await request(h.url).get(`/api/projects/${projectId}`).set(as('d-applicant')).expect(200)
    ).body as Report;
    expect(planItems(report).find((i) => i.code === item.code)!.status).toBe('APPROVED');
    const r = (await result().expect(200)).body as {
      number: string;
      itemName: string;
      department: string;
      departmentCode: string;
      decidedOn: string;
      officer: string;
      round: number;
    };
    expect(r.number).toMatch(new RegExp(`^BJ-${r.decidedOn.slice(0, 4)}-\\d{6}$`));
    expect(r).toMatchObject({
      itemName: item.name,
      departmentCode: 'DRC',
      officer: '发改 张三',
      round: 1,
    });
    expect(r.department).toMatch(/[\u4e00-\u9fff]/);
    // A repeated approval is refused and the issued result stays as it is.
    await request(h.url)
      .post(`/api/tasks/${item.taskId}/decision`)
      .set(as('d-officer.DRC'))
      .send({ action: 'APPROVE' })
      .expect(409);
    expect((await result().expect(200)).body).toEqual(r);

    const pdf = (
      await result().set('Accept', 'application/pdf').buffer(true).parse(binary).expect(200)
    ).body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain(r.number);
    expect(text).toContain('办结通知');
    expect(text).toContain(item.name.slice(0, 8));
    expect(text).toContain('发改 张三');
    expect(text).toContain(`建设单位：${orgName}`);
    expect(text).not.toContain('org-d1');
    expect(text).not.toContain(item.code);
    expect(text).not.toMatch(bracketedCode);
  });

  it('keeps receipts and results from those who may not read the project', async () => {
    const drcCode = planItems(accepted).find((i) => i.department === 'DRC')!.code;
    for (const who of ['d-applicant2', 'd-officer.GAS']) {
      expect((await receipt(who).expect(404)).body.message).toBe(`project ${projectId} not found`);
      await request(h.url)
        .get(`/api/projects/${projectId}/items/${drcCode}/result`)
        .set(as(who))
        .set('Accept', 'application/pdf')
        .expect(404)
        .expect('Content-Type', /json/);
    }
    await receipt('d-window').expect(200);
    await receipt('d-officer.DRC').expect(200);
    await request(h.url).get(`/api/projects/${projectId}/stages/PLAN/receipt`).expect(401);
  });

  it('answers 400 for a bad stage or id, 404 for an unknown item, 406 for neither JSON nor PDF', async () => {
    expect((await receipt('d-applicant', 'DESIGN').expect(400)).body.message).toMatch(/^stage /);
    await request(h.url)
      .get('/api/projects/not-a-uuid/stages/PLAN/receipt')
      .set(as('d-applicant'))
      .expect(400);
    expect(
      (
        await request(h.url)
          .get(`/api/projects/${projectId}/items/NO_SUCH_ITEM/result`)
          .set(as('d-applicant'))
          .expect(404)
      ).body.message,
    ).toBe('item NO_SUCH_ITEM not found');
    const res = await receipt().set('Accept', 'text/csv').expect(406);
    expect(res.body.message).toMatch(/^Accept: /);
    // A browser's Accept (HTML first, anything else after) gets JSON.
    await receipt()
      .set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8')
      .expect(200)
      .expect('Content-Type', /json/);
  });
});
