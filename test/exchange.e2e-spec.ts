/**
 * The exchange with the provincial platform end to end: a real staging database (a database of
 * its own on the e2e PostgreSQL, reached through a proxy the test can cut), the worker's sender,
 * the API. A project's steps arrive in the SPGL tables with the standard's codes; a correction
 * is an invalidation row and a new one; a row failing a rule is held with its code; the staging
 * database cut for a while, and a sender that dies between its two commits, still leave each
 * row once.
 */
import { Client } from 'pg';
import request from 'supertest';
import { handIn, Harness, ownDatabase, startHarness, userToken } from './app-harness';
import { TcpProxy } from './tcp-proxy';
import { EXAMPLE_ANSWERS, defaultCatalog } from '../libs/domain/src';
import { ExchangeSender } from '../libs/exchange/src';
import { DataSource } from 'typeorm';

const freshCode = () =>
  `2026-440300-47-01-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
const UNIT = { name: '深圳市教育局', creditCode: '91350100M000100Y43' };

type Row = Record<string, unknown>;

describe('the exchange delivers SPGL rows to the staging database (real stack)', () => {
  let h: Harness;
  let proxy: TcpProxy;
  let staging: Client;
  let stagingUrl: string;
  const auth: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${auth[who]}` });

  /** The staging table's rows of a project (by GCDM, or by DFSJZJ prefix for project rows). */
  const stagingRows = async (table: string, where: string, arg: unknown): Promise<Row[]> =>
    (await staging.query(`SELECT * FROM ${table} WHERE ${where} ORDER BY lsh::bigint`, [arg]))
      .rows as Row[];

  /** Waits until `check` passes (the sender runs every 200 ms). */
  const eventually = async (check: () => Promise<void>, ms = 30_000) => {
    const until = Date.now() + ms;
    for (;;) {
      try {
        return await check();
      } catch (err) {
        if (Date.now() > until) throw err;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  };

  const create = async (body: object) =>
    (
      await request(h.url)
        .post('/api/projects')
        .set(as('x-applicant'))
        .send({ answers: EXAMPLE_ANSWERS.school, ...body })
        .expect(201)
    ).body as {
      id: string;
      stages: {
        themes: { items: { code: string; status: string; taskId: string; department: string }[] }[];
      }[];
    };

  beforeAll(async () => {
    stagingUrl = await ownDatabase('staging');
    const url = new URL(stagingUrl);
    proxy = await new TcpProxy(url.hostname, Number(url.port)).start();
    url.port = String(proxy.port);
    h = await startHarness({
      EXCHANGE_DATABASE_URL: url.toString(),
      EXCHANGE_SEND_INTERVAL_MS: '200',
    });
    staging = new Client({ connectionString: stagingUrl });
    await staging.connect();
    const users = [
      { username: 'x-applicant', role: 'APPLICANT' as const, organisation: 'org-x' },
      { username: 'x-window', role: 'WINDOW_OFFICER' as const },
      { username: 'x-admin', role: 'ADMIN' as const },
      { username: 'x-supervisor', role: 'SUPERVISOR' as const },
      ...['DRC', 'NRP', 'EEB'].map((d) => ({
        username: `x-officer.${d}`,
        role: 'REVIEWING_OFFICER' as const,
        department: d,
      })),
    ];
    for (const u of users) auth[u.username] = await userToken(h, u);
  });
  afterAll(async () => {
    await h?.close();
    await staging?.end();
    await proxy?.cut();
  });

  it("puts the project's steps in the SPGL tables with the standard's codes", async () => {
    const code = freshCode();
    const p = await create({
      name: '交换测试学校',
      projectCode: code,
      constructionUnits: [UNIT],
      totalInvestment: 8800,
      landArea: 12000,
      floorArea: 21000,
      address: '深圳市南山区',
      constructionNature: 'NEW',
      fundingSource: 'GOVERNMENT',
    });
    const handedIn = await handIn(h, auth['x-applicant'], p.id, 'PLAN');
    expect(handedIn).toBeGreaterThan(0);
    await request(h.url)
      .post(`/api/projects/${p.id}/stages/PLAN/submission`)
      .set(as('x-applicant'))
      .send({})
      .expect(200);
    const accepted = await request(h.url)
      .post(`/api/projects/${p.id}/stages/PLAN/acceptance`)
      .set(as('x-window'))
      .send({ decision: 'ACCEPT' })
      .expect(200);
    const items = (accepted.body as typeof p).stages[0].themes.flatMap((t) => t.items);
    const running = items.find((i) => i.status === 'UNDER_REVIEW')!;
    await request(h.url)
      .post(`/api/tasks/${running.taskId}/decision`)
      .set(as(`x-officer.${running.department}`))
      .send({ action: 'APPROVE' })
      .expect(200);

    await eventually(async () => {
      // The city's flow for the project's type on the catalogue version it runs on (the
      // built-in one: version 1), its three stages and the project's items in them.
      const [flow] = await stagingRows('SPGL_DFXMSPLCXXB', 'xzqhdm = $1', '440300');
      expect(flow).toMatchObject({
        dfsjzj: '440300:PA-GOVERNMENT_INVESTED:1',
        splcbm: 'PA-GOVERNMENT_INVESTED',
        splclx: 1,
      });
      const stages = await stagingRows('SPGL_DFXMSPLCJDXXB', 'splcbm = $1', flow.splcbm);
      expect(stages.map((r) => [r.spjdbm, r.dybzspjdxh])).toEqual([
        ['PLAN', '1'],
        ['START_PERMIT', '3'],
        ['COMPLETION', '4'],
      ]);
      const placed = await stagingRows('SPGL_DFXMSPLCJDSXXXB', 'splcbm = $1', flow.splcbm);
      expect(placed.map((r) => r.spsxbm).sort()).toEqual(
        (await request(h.url).get(`/api/projects/${p.id}`).set(as('x-applicant'))).body.stages
          .flatMap((s: { themes: { items: { code: string }[] }[] }) =>
            s.themes.flatMap((t) => t.items.map((i) => i.code)),
          )
          .sort(),
      );
      // Each item under its national standard item code (DYBZSPSXBM) where the catalogue gives
      // one (the built-in catalogue: the V3 codes of the reference), empty where it gives none.
      expect(Object.fromEntries(placed.map((r) => [r.spsxbm, r.dybzspsxbm]))).toEqual(
        Object.fromEntries(
          placed.map((r) => [
            r.spsxbm,
            defaultCatalog.items.find((i) => i.code === r.spsxbm)?.standardCode ?? null,
          ]),
        ),
      );
      expect(placed.find((r) => r.spsxbm === 'LAND_USE_PERMIT')?.dybzspsxbm).toBe('0060001');
      expect(placed.some((r) => r.dybzspsxbm === null)).toBe(true);
      // The flow is sent before the project that points at it.
      const [project] = await stagingRows('SPGL_XMJBXXB', 'dfsjzj = $1', p.id);
      expect(Number(flow.lsh)).toBeLessThan(Number(project.lsh));
      expect(project).toMatchObject({
        xmdm: code,
        gcdm: code,
        xzqhdm: '440300',
        jsddxzqh: '440300',
        xmmc: '交换测试学校',
        splclx: 1, // 政府投资工程建设项目（房屋建筑类）
        lxlx: 1,
        jsxz: 1,
        xmtzly: 1,
        sjyxbs: 1,
        sjsczt: 0,
      });
      expect(Number(project.ztze)).toBe(8800);
      const units = await stagingRows('SPGL_XMDWXXB', 'gcdm = $1', code);
      expect(units).toEqual([
        expect.objectContaining({ dwtyshxydm: UNIT.creditCode, dwmc: UNIT.name, dwlx: 1 }),
      ]);
      const instances = await stagingRows('SPGL_XMSPSXBLXXB', 'gcdm = $1', code);
      const plan = items.map((i) => `${i.taskId}:1`).sort();
      expect(instances.map((i) => i.spsxslbm).sort()).toEqual(plan);
      const history = await stagingRows(
        'SPGL_XMSPSXBLXXXXB',
        'spsxslbm = $1',
        `${running.taskId}:1`,
      );
      // 已接件, 窗口受理, 部门受理, 办结（通过）, in time order.
      expect(history.map((r) => r.blzt)).toEqual([1, 3, 8, 11]);
      const times = history.map((r) => (r.blsj as Date).getTime());
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      // The approved item's result (办结通知) as its approval document, with its number.
      const documents = await stagingRows('SPGL_XMSPSXPFWJXXB', 'gcdm = $1', code);
      expect(documents).toEqual([
        expect.objectContaining({
          spsxslbm: `${running.taskId}:1`,
          pfwh: expect.stringMatching(/^BJ-\d{4}-\d{6}$/),
          pfwjbt: expect.stringContaining('办结通知'),
          fjlx: 'pdf',
          fjid: `/api/projects/${p.id}/items/${running.taskId.split(':')[1]}/result`,
          sjyxbs: 1,
        }),
      ]);
      expect((documents[0].pfwjyxqx as Date).getFullYear()).toBe(9999);
      // Every file handed in for the stage, as another attachment of its item instance.
      const files = await stagingRows('SPGL_XMQTFJXXB', 'gcdm = $1', code);
      const [{ n }] = await h.app
        .get(DataSource)
        .query(`SELECT count(*)::int AS n FROM material_files WHERE project_id = $1`, [p.id]);
      expect(n).toBeGreaterThanOrEqual(handedIn);
      expect(files).toHaveLength(n);
      expect(new Set(files.map((f) => f.dfsjzj)).size).toBe(n);
      for (const f of files) {
        expect(plan).toContain(f.spsxslbm);
        expect(f).toMatchObject({
          fjfl: 1,
          fjlx: 'pdf',
          fjid: expect.stringMatching(/^\/api\/files\//),
        });
      }
    });

    const rows = await request(h.url)
      .get(`/api/exchange/rows?projectId=${p.id}&table=SPGL_XMJBXXB`)
      .set(as('x-admin'))
      .expect(200);
    expect(rows.body.items).toEqual([
      expect.objectContaining({
        table: 'SPGL_XMJBXXB',
        key: p.id,
        state: 'SENT',
        row: expect.objectContaining({ XZQHDM: '440300', XMDM: code, GCDM: code, SJYXBS: 1 }),
      }),
    ]);
    // In the outbox's (sending) order: the flow, the project, its unit, then each instance
    // before its history.
    const all = await request(h.url)
      .get(`/api/exchange/rows?projectId=${p.id}`)
      .set(as('x-admin'))
      .expect(200);
    const listed = all.body.items as { table: string; key: string; row: Row }[];
    const flowRows = listed.findIndex((r) => !r.table.startsWith('SPGL_DF'));
    expect(flowRows).toBeGreaterThan(0);
    expect(listed.slice(flowRows).every((r) => !r.table.startsWith('SPGL_DF'))).toBe(true);
    const order = listed
      .slice(flowRows)
      .map((r) =>
        r.table === 'SPGL_XMSPSXBLXXXXB' ? `H ${String(r.row.SPSXSLBM)}` : `${r.table} ${r.key}`,
      );
    expect(order.slice(0, 2)).toEqual([
      `SPGL_XMJBXXB ${p.id}`,
      `SPGL_XMDWXXB ${p.id}:${UNIT.creditCode}`,
    ]);
    for (const [n, o] of order.entries()) {
      if (o.startsWith('H '))
        expect(order.indexOf(`SPGL_XMSPSXBLXXB ${o.slice(2)}`)).toBeLessThan(n);
    }
    const status = await request(h.url)
      .get('/api/exchange/status')
      .set(as('x-supervisor'))
      .expect(200);
    expect(status.body.enabled).toBe(true);
    expect(
      status.body.tables.find((t: { table: string }) => t.table === 'SPGL_XMJBXXB').sent,
    ).toBeGreaterThan(0);
    await request(h.url).get('/api/exchange/rows').set(as('x-supervisor')).expect(403);
  });

  it('sends a correction as an invalidation row and a new one', async () => {
    const code = freshCode();
    const p = await create({ name: '更正测试', projectCode: code, address: '旧址' });
    await eventually(async () => {
      expect(await stagingRows('SPGL_XMJBXXB', 'dfsjzj = $1', p.id)).toHaveLength(1);
    });
    await request(h.url)
      .patch(`/api/projects/${p.id}/master-data`)
      .set(as('x-applicant'))
      .send({ address: '新址' })
      .expect(200);
    await eventually(async () => {
      const rows = await stagingRows('SPGL_XMJBXXB', 'dfsjzj = $1', p.id);
      expect(rows.map((r) => [r.jsdd, r.sjyxbs, r.sjwxyy])).toEqual([
        ['旧址', 1, null],
        ['旧址', 0, '数据已更正'],
        ['新址', 1, null],
      ]);
    });
  });

  it('holds a row failing a rule with its code, and sends it once the master data is fixed', async () => {
    const p = await create({ name: '无代码项目' });
    await handIn(h, auth['x-applicant'], p.id, 'PLAN');
    await request(h.url)
      .post(`/api/projects/${p.id}/stages/PLAN/submission`)
      .set(as('x-applicant'))
      .send({})
      .expect(200);
    await eventually(async () => {
      const res = await request(h.url)
        .get(`/api/exchange/rows?projectId=${p.id}`)
        .set(as('x-admin'))
        .expect(200);
      const byTable = (t: string) =>
        (res.body.items as { table: string; state: string; error: string }[]).filter(
          (r) => r.table === t,
        );
      expect(byTable('SPGL_XMJBXXB')).toEqual([
        expect.objectContaining({
          state: 'HELD',
          error: expect.stringMatching(/^101 .*XZQHDM.*XMDM/),
        }),
      ]);
      const instances = byTable('SPGL_XMSPSXBLXXB');
      expect(instances.length).toBeGreaterThan(0);
      for (const r of instances) expect(r.error).toMatch(/^011 /);
    });
    expect(await stagingRows('SPGL_XMJBXXB', 'dfsjzj = $1', p.id)).toEqual([]);

    const code = freshCode();
    await request(h.url)
      .patch(`/api/projects/${p.id}/master-data`)
      .set(as('x-applicant'))
      .send({ projectCode: code })
      .expect(200);
    await eventually(async () => {
      const sent = await stagingRows('SPGL_XMJBXXB', 'dfsjzj = $1', p.id);
      expect(sent.map((r) => [r.xmdm, r.sjyxbs])).toEqual([[code, 1]]);
      expect((await stagingRows('SPGL_XMSPSXBLXXB', 'gcdm = $1', code)).length).toBeGreaterThan(0);
      expect((await stagingRows('SPGL_XMSPSXBLXXXXB', 'gcdm = $1', code)).length).toBeGreaterThan(
        0,
      );
    });
  });

  it('delivers every row once after the staging database was unreachable for 30 s', async () => {
    await proxy.cut();
    const codes = [freshCode(), freshCode()];
    const ids: string[] = [];
    for (const c of codes)
      ids.push(
        (await create({ name: `断线期间 ${c}`, projectCode: c, constructionUnits: [UNIT] })).id,
      );
    // The sender keeps trying every 200 ms while the staging database is away (the 30 s).
    await new Promise((r) => setTimeout(r, 30_000));
    const waiting = await request(h.url).get('/api/exchange/status').set(as('x-admin')).expect(200);
    expect(waiting.body.oldestWaitingAt).not.toBeNull();
    await proxy.restore();
    await eventually(async () => {
      for (const [n, id] of ids.entries()) {
        expect(await stagingRows('SPGL_XMJBXXB', 'dfsjzj = $1', id)).toHaveLength(1);
        expect(await stagingRows('SPGL_XMDWXXB', 'gcdm = $1', codes[n])).toHaveLength(1);
      }
    });
  });

  it('delivers a batch again without doubling it (a sender killed between its two commits)', async () => {
    const ds = h.worker!.get(DataSource);
    const p = await create({
      name: '重复投递',
      projectCode: freshCode(),
      constructionUnits: [UNIT],
    });
    await eventually(async () => {
      expect(await stagingRows('SPGL_XMJBXXB', 'dfsjzj = $1', p.id)).toHaveLength(1);
    });
    // As if the staging insert committed and the sender died before marking the rows sent.
    await ds.query(
      `UPDATE exchange_outbox SET state = 'WAITING', sent_at = NULL WHERE project_id = $1`,
      [p.id],
    );
    const sender = new ExchangeSender(ds, stagingUrl, { batchSize: 2 });
    await sender.drain();
    await sender.close();
    await eventually(async () => {
      const res = await request(h.url)
        .get(`/api/exchange/rows?projectId=${p.id}`)
        .set(as('x-admin'));
      expect(res.body.items.every((r: { state: string }) => r.state === 'SENT')).toBe(true);
    });
    const dup = await staging.query(
      `SELECT lsh, count(*) FROM SPGL_XMDWXXB GROUP BY lsh HAVING count(*) > 1
       UNION ALL SELECT lsh, count(*) FROM SPGL_XMJBXXB GROUP BY lsh HAVING count(*) > 1`,
    );
    expect(dup.rows).toEqual([]);
    expect(await stagingRows('SPGL_XMJBXXB', 'dfsjzj = $1', p.id)).toHaveLength(1);
  });

  it("reconciles the day: our rows sent and the staging database's agree per table", async () => {
    await eventually(async () => {
      const status = await request(h.url)
        .get('/api/exchange/status')
        .set(as('x-admin'))
        .expect(200);
      expect(status.body.oldestWaitingAt).toBeNull();
    });
    const today = await request(h.url)
      .get('/api/exchange/reconciliation')
      .set(as('x-supervisor'))
      .expect(200);
    expect(today.body.matches).toBe(true);
    // Every project of the flow came after the first: its rows were sent once.
    const flows = await staging.query(
      `SELECT dfsjzj, count(*)::int AS n FROM SPGL_DFXMSPLCJDSXXXB GROUP BY 1 HAVING count(*) > 1`,
    );
    expect(flows.rows).toEqual([]);
    expect((await staging.query(`SELECT count(*)::int AS n FROM SPGL_DFXMSPLCXXB`)).rows[0].n).toBe(
      1,
    );
    const project = today.body.tables.find((t: { table: string }) => t.table === 'SPGL_XMJBXXB');
    expect(project.sentOnDay).toBeGreaterThan(0);
    expect(project).toMatchObject({
      stagedOnDay: project.sentOnDay,
      stagedTotal: project.sentTotal,
    });
    // A row lost on the staging side shows as a mismatch of its table.
    await staging.query(
      `DELETE FROM SPGL_XMDWXXB WHERE lsh = (SELECT max(lsh::bigint)::text FROM SPGL_XMDWXXB)`,
    );
    const lost = await request(h.url)
      .get('/api/exchange/reconciliation')
      .set(as('x-admin'))
      .expect(200);
    expect(lost.body.matches).toBe(false);
    expect(lost.body.tables.filter((t: { matches: boolean }) => !t.matches)).toEqual([
      expect.objectContaining({ table: 'SPGL_XMDWXXB' }),
    ]);
    const earlier = await request(h.url)
      .get('/api/exchange/reconciliation?day=2020-01-01')
      .set(as('x-admin'))
      .expect(200);
    expect(earlier.body.tables.every((t: { sentOnDay: number }) => t.sentOnDay === 0)).toBe(true);
    const bad = await request(h.url)
      .get('/api/exchange/reconciliation?day=2026-13-01')
      .set(as('x-admin'))
      .expect(400);
    expect(JSON.stringify(bad.body.message)).toMatch(/day/);
  });

  it('refuses a re-send without a project or range, naming the fields', async () => {
    const bad = await request(h.url).post('/api/exchange/resend').set(as('x-admin')).send({});
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.message)).toContain('projectId');
    const ok = await request(h.url)
      .post('/api/exchange/resend')
      .set(as('x-admin'))
      .send({ from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' })
      .expect(200);
    expect(ok.body).toEqual({ appended: 0, released: expect.any(Number) });
  });
});
