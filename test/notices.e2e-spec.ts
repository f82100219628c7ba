import request from 'supertest';
import { renderNoticeText, type NoticeText } from '../libs/approval/src';
import { EXAMPLE_ANSWERS, itemNames } from '../libs/domain/src';
import { handIn, Harness, startHarness, userToken } from './app-harness';
import { SmtpInbox } from './smtp-inbox';

type Item = { code: string; department: string; status: string; taskId: string };
type Report = { id: string; stages: { code: string; themes: { items: Item[] }[] }[] };
type Notice = {
  id: string;
  projectId: string;
  projectName: string;
  kind: string;
  itemCode: string | null;
  message: string;
  text: NoticeText | null;
  createdAt: string;
  readAt: string | null;
};
type NoticePage = { items: Notice[]; total: number; unread: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What reads as an internal code ("PROJECT_PROPOSAL", "DRC"), but not a true abbreviation. */
const CODE = /\b[A-Z][A-Z0-9_]{2,}\b/g;
const ABBREVIATIONS = new Set(['PDF', 'CSV']);
const codesIn = (s: string) => (s.match(CODE) ?? []).filter((c) => !ABBREVIATIONS.has(c));
/** A notice as each reader sees it: rendered in zh-CN and in English. */
const rendered = (n: Notice) =>
  (['zh-CN', 'en'] as const).map((lang) => (n.text && renderNoticeText(lang, n.text)) ?? n.message);

describe('notices: the inbox of the people addressed, and their mail through a real SMTP server (real stack)', () => {
  const smtp = new SmtpInbox();
  let h: Harness;
  const auth: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${auth[who]}` });
  let project: string;
  let underReview: Item[];

  const inbox = async (who: string, query = '') =>
    (await request(h.url).get(`/api/notices${query}`).set(as(who)).expect(200)).body as NoticePage;
  const supplement = async (i: Item, comment: string) =>
    request(h.url)
      .post(`/api/tasks/${i.taskId}/decision`)
      .set(as(`n-officer.${i.department}`))
      .send({ action: 'REQUEST_SUPPLEMENT', comment })
      .expect(200);

  beforeAll(async () => {
    await smtp.start();
    h = await startHarness({ SMTP_URL: smtp.url, MAIL_SWEEP_SECONDS: '2' });
    const users = [
      { username: 'n-applicant', role: 'APPLICANT' as const, organisation: 'org-n' },
      { username: 'n-colleague', role: 'APPLICANT' as const, organisation: 'org-n' },
      { username: 'n-other', role: 'APPLICANT' as const, organisation: 'org-n-other' },
      { username: 'n-agent', role: 'AGENT' as const },
      { username: 'n-window', role: 'WINDOW_OFFICER' as const },
    ];
    for (const u of users) auth[u.username] = await userToken(h, u);
    for (const who of ['n-applicant', 'n-colleague', 'n-other', 'n-agent']) {
      await request(h.url)
        .patch('/api/auth/me')
        .set(as(who))
        .send({ email: `${who}@mail.test` })
        .expect(200);
    }
    project = (
      await request(h.url)
        .post('/api/projects')
        .set(as('n-applicant'))
        .send({ name: '通知小学', answers: EXAMPLE_ANSWERS.school })
        .expect(201)
    ).body.id as string;
    await request(h.url)
      .post(`/api/projects/${project}/delegations`)
      .set(as('n-applicant'))
      .send({ agentUsername: 'n-agent' })
      .expect((r) => expect([200, 201]).toContain(r.status));
    await handIn(h, auth['n-applicant'], project, 'PLAN');
    await request(h.url)
      .post(`/api/projects/${project}/stages/PLAN/submission`)
      .set(as('n-applicant'))
      .send({})
      .expect(200);
    const accepted = (
      await request(h.url)
        .post(`/api/projects/${project}/stages/PLAN/acceptance`)
        .set(as('n-window'))
        .send({ decision: 'ACCEPT' })
        .expect(200)
    ).body as Report;
    underReview = accepted.stages
      .flatMap((s) => s.themes.flatMap((t) => t.items))
      .filter((i) => i.status === 'UNDER_REVIEW');
    expect(underReview.length).toBeGreaterThanOrEqual(2);
    for (const d of new Set(underReview.map((i) => i.department))) {
      auth[`n-officer.${d}`] = await userToken(h, {
        username: `n-officer.${d}`,
        role: 'REVIEWING_OFFICER',
        department: d,
      });
    }
  });
  afterAll(async () => {
    await h?.close();
    await smtp.stop();
  });

  it('mail settings: an address and mail on or off, validated by field', async () => {
    const bad = await request(h.url)
      .patch('/api/auth/me')
      .set(as('n-colleague'))
      .send({ email: 'not an address', mailNotices: 'yes' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.message)).toMatch(
      /email[\s\S]*mailNotices|mailNotices[\s\S]*email/,
    );
    const off = await request(h.url)
      .patch('/api/auth/me')
      .set(as('n-colleague'))
      .send({ mailNotices: false })
      .expect(200);
    expect(off.body).toEqual({ email: 'n-colleague@mail.test', mailNotices: false });
    const now = await request(h.url).get('/api/auth/me/mail').set(as('n-colleague')).expect(200);
    expect(now.body).toEqual(off.body);
  });

  it('a supplement request reaches the inbox of the organisation and its agent, and their mailboxes', async () => {
    const item = underReview[0];
    await supplement(item, '请补充消防设计文件');

    const mine = await inbox('n-applicant');
    const notice = mine.items.find((n) => n.kind === 'CLOCK_STOPPED' && n.itemCode === item.code)!;
    expect(notice).toMatchObject({ projectId: project, projectName: '通知小学', readAt: null });
    expect(notice.message).toContain('请补充消防设计文件');
    // Its wording in each language, from the same template and values.
    expect(notice.text).toMatchObject({
      key: 'supplementRequested',
      params: { reason: 'SUPPLEMENT', comment: '请补充消防设计文件' },
    });
    expect(renderNoticeText('zh-CN', notice.text!)).toMatch(/停止计时：补正：请补充消防设计文件/);
    expect(mine.unread).toBeGreaterThanOrEqual(1);
    // The same notice for a colleague of the organisation and the delegated agent; not for others.
    expect((await inbox('n-colleague')).items.map((n) => n.id)).toContain(notice.id);
    expect((await inbox('n-agent')).items.map((n) => n.id)).toContain(notice.id);
    expect((await inbox('n-other')).total).toBe(0);
    expect((await inbox(`n-officer.${item.department}`)).items.map((n) => n.id)).not.toContain(
      notice.id,
    );

    const mail = await smtp.waitFor(
      'the applicant’s mail',
      (m) => m.to.includes('n-applicant@mail.test') && m.text.includes('请补充消防设计文件'),
    );
    expect(mail.subject).toContain('通知小学');
    // Chinese first, the English wording below it.
    expect(mail.text).toMatch(
      /停止计时：补正：请补充消防设计文件[\s\S]*Clock stopped: The clock of/,
    );
    expect(mail.messageId).toBe(`<notice-${mail.outboxId}@approvals.local>`);
    await smtp.waitFor('the agent’s mail', (m) => m.to.includes('n-agent@mail.test'));
    await sleep(1500);
    // Mail turned off: the colleague got none about it.
    expect(
      smtp.to('n-colleague@mail.test').filter((m) => m.text.includes('请补充消防设计文件')),
    ).toHaveLength(0);
    expect(smtp.to('n-other@mail.test')).toHaveLength(0);

    // Read state is the reader's: the applicant reads it, the colleague still has it unread.
    const read = await request(h.url)
      .post(`/api/notices/${notice.id}/read`)
      .set(as('n-applicant'))
      .expect(200);
    expect(read.body.id).toBe(notice.id);
    expect(Date.parse(read.body.readAt as string)).not.toBeNaN();
    expect((await inbox('n-applicant', '?unread=true')).items.map((n) => n.id)).not.toContain(
      notice.id,
    );
    expect((await inbox('n-colleague', '?unread=true')).items.map((n) => n.id)).toContain(
      notice.id,
    );
    const all = await request(h.url)
      .post('/api/notices/read-all')
      .set(as('n-colleague'))
      .expect(200);
    expect(all.body.unread).toBe(0);
    expect(all.body.marked).toBeGreaterThanOrEqual(1);
    expect((await inbox('n-colleague')).unread).toBe(0);

    await request(h.url).post(`/api/notices/${notice.id}/read`).set(as('n-other')).expect(404);
    const bad = await request(h.url).post('/api/notices/12/read').set(as('n-applicant'));
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('id');
    const badQuery = await request(h.url).get('/api/notices?unread=maybe').set(as('n-applicant'));
    expect(badQuery.status).toBe(400);
    expect(JSON.stringify(badQuery.body.message)).toContain('unread');
  });

  it('a mail server that is down delays the mail and loses none; none is sent twice', async () => {
    const item = underReview[1];
    await smtp.stop();
    // A comment that ends its own sentence: the notice does not add a second full stop.
    await supplement(item, '请补充用地证明。');
    // The inbox has it at once.
    expect(
      (await inbox('n-applicant')).items.some(
        (n) => n.kind === 'CLOCK_STOPPED' && n.itemCode === item.code,
      ),
    ).toBe(true);
    await sleep(4000);
    const about = (m: { text: string }) => m.text.includes('请补充用地证明');
    expect(smtp.mails.filter(about)).toHaveLength(0);

    await smtp.start(); // the same port again
    await smtp.waitFor(
      'the applicant’s delayed mail',
      (m) => about(m) && m.to.includes('n-applicant@mail.test'),
    );
    await smtp.waitFor(
      'the agent’s delayed mail',
      (m) => about(m) && m.to.includes('n-agent@mail.test'),
    );
    await sleep(5000); // a sweep or two more: nothing is sent again
    expect(
      smtp.mails
        .filter(about)
        .map((m) => m.to[0])
        .sort(),
    ).toEqual(['n-agent@mail.test', 'n-applicant@mail.test']);
    const ids = smtp.mails.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    const n = (await inbox('n-applicant')).items.find(
      (x) => x.kind === 'CLOCK_STOPPED' && x.itemCode === item.code,
    )!;
    const [zh, en] = rendered(n);
    expect(zh).toContain('请补充用地证明。您提交补正材料后恢复计时。');
    for (const text of [zh, en, n.message, ...smtp.mails.filter(about).map((m) => m.text)])
      expect(text).not.toMatch(/。。/);
  });

  it('tells the applicant that the stage was accepted: its items by name, in each language, by mail too', async () => {
    const accepted = (await inbox('n-applicant')).items.filter((n) => n.kind === 'STAGE_ACCEPTED');
    expect(accepted).toHaveLength(1);
    expect(accepted[0].text?.key).toBe('stageAccepted');
    const [zh, en] = rendered(accepted[0]);
    expect(zh).toContain(`策划生成阶段已于`);
    expect(zh).toContain(`${underReview.length} 个事项开始计时`);
    for (const i of underReview) {
      expect(zh).toContain(itemNames(i.code).zh);
      expect(en).toContain(itemNames(i.code).en);
    }
    expect(en).toMatch(/^Stage Plan was accepted on \d{4}-\d{2}-\d{2}/);
    expect(codesIn(zh)).toEqual([]);
    expect(codesIn(en)).toEqual([]);
    // The delegated agent hears of it too, and the applicant's mail says it.
    expect((await inbox('n-agent')).items.map((n) => n.id)).toContain(accepted[0].id);
    await smtp.waitFor(
      'the applicant’s stage-accepted mail',
      (m) => m.to.includes('n-applicant@mail.test') && m.text.includes('策划生成阶段已于'),
    );
  });

  it('a bad rating opens a rectification whose notice reaches the head’s inbox and mailbox', async () => {
    const item = underReview[underReview.length - 1];
    const head = `n-head.${item.department}`;
    auth[head] = await userToken(h, {
      username: head,
      role: 'DEPARTMENT_HEAD',
      department: item.department,
    });
    await request(h.url)
      .patch('/api/auth/me')
      .set(as(head))
      .send({ email: `${head}@mail.test` })
      .expect(200);
    await request(h.url)
      .post(`/api/tasks/${item.taskId}/decision`)
      .set(as(`n-officer.${item.department}`))
      .send({ action: 'APPROVE', comment: '同意' })
      .expect(200);
    await request(h.url)
      .post(`/api/projects/${project}/items/${item.code}/rating`)
      .set(as('n-applicant'))
      .send({ score: 1, comment: '材料退了三次' })
      .expect(201);

    const mail = await smtp.waitFor('the head’s rectification mail', (m) =>
      m.to.includes(`${head}@mail.test`),
    );
    expect(mail.subject).toContain('通知小学');
    const notices = (await inbox(head)).items.filter((n) => n.itemCode === item.code);
    const opened = notices.find((n) => n.kind === 'RECTIFICATION_OPENED')!;
    expect(opened.text?.key).toBe('rectificationOpened');
    expect(renderNoticeText('zh-CN', opened.text!)).toContain('差评整改');
    expect(mail.text).toContain('差评整改');
    expect(renderNoticeText('en', opened.text!)).toContain('was rated 1');
    // The item by name, never its code, in the head's notice and mail.
    expect(renderNoticeText('zh-CN', opened.text!)).toContain(
      `通知小学 — ${itemNames(item.code).zh} 评分 1`,
    );
    expect(renderNoticeText('en', opened.text!)).toContain(itemNames(item.code).en);
    expect(mail.text).not.toContain(item.code);

    // The applicant was told of the approval, by the department's name.
    const approved = (await inbox('n-applicant')).items.filter(
      (n) => n.kind === 'ITEM_APPROVED' && n.itemCode === item.code,
    );
    expect(approved).toHaveLength(1);
    const [zh, en] = rendered(approved[0]);
    expect(zh).toMatch(
      new RegExp(`^${itemNames(item.code).zh}已于 \\d{4}-\\d{2}-\\d{2} 由.+准予许可。`),
    );
    expect(en).toContain(`${itemNames(item.code).en} was approved by `);
  });

  it('no notice of anybody names an item, a department or a theme by its code, in either language', async () => {
    let seen = 0;
    for (const who of Object.keys(auth)) {
      for (const n of (await inbox(who, '?pageSize=100')).items) {
        for (const text of rendered(n))
          expect({ kind: n.kind, codes: codesIn(text) }).toEqual({ kind: n.kind, codes: [] });
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(5);
  });

  it('an overdue notice says how many working days late the item really is', async () => {
    auth['n-admin'] = await userToken(h, { username: 'n-admin', role: 'ADMIN' });
    auth['n-supervisor'] = await userToken(h, { username: 'n-supervisor', role: 'SUPERVISOR' });
    // An import whose plan stage was accepted weeks ago: its items are weeks past their limits.
    const id = (
      await request(h.url)
        .post('/api/projects')
        .set(as('n-admin'))
        .send({
          name: '超期小学',
          answers: EXAMPLE_ANSWERS.school,
          ownerOrganisation: 'org-n',
          acceptedAt: '2026-01-05',
        })
        .expect(201)
    ).body.id as string;
    const report = (await request(h.url).get(`/api/projects/${id}`).set(as('n-supervisor')))
      .body as {
      stages: {
        themes: { items: (Item & { clock: { usedDays: number; limitDays: number } })[] }[];
      }[];
    };
    const items = report.stages.flatMap((s) => s.themes.flatMap((t) => t.items));
    let overdue: Notice[] = [];
    for (let i = 0; i < 50 && overdue.length === 0; i++) {
      overdue = (await inbox('n-supervisor', '?pageSize=100')).items.filter(
        (n) => n.projectId === id && n.kind === 'OVERDUE_ESCALATION' && n.itemCode,
      );
      if (overdue.length === 0) await sleep(200);
    }
    expect(overdue.length).toBeGreaterThan(0);
    for (const n of overdue) {
      const item = items.find((i) => i.code === n.itemCode)!;
      const late = item.clock.usedDays - item.clock.limitDays;
      expect(late).toBeGreaterThan(5);
      const [zh, en] = rendered(n);
      expect(zh).toContain(`已超期 ${late} 个工作日（时限 ${item.clock.limitDays} 个工作日`);
      expect(en).toContain(`is ${late} working days overdue`);
      expect(codesIn(zh)).toEqual([]);
    }
  });
});
