import request from 'supertest';
import { renderNoticeText, type NoticeText } from '../libs/approval/src';
import { EXAMPLE_ANSWERS } from '../libs/domain/src';
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

    const mail = await smtp.waitFor('the applicant’s mail', (m) =>
      m.to.includes('n-applicant@mail.test'),
    );
    expect(mail.subject).toContain('通知小学');
    // Chinese first, the English wording below it.
    expect(mail.text).toMatch(
      /停止计时：补正：请补充消防设计文件[\s\S]*Clock stopped: The clock of/,
    );
    expect(mail.messageId).toBe(`<notice-${mail.outboxId}@approvals.local>`);
    await smtp.waitFor('the agent’s mail', (m) => m.to.includes('n-agent@mail.test'));
    await sleep(1500);
    expect(smtp.to('n-colleague@mail.test')).toHaveLength(0); // mail turned off
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
    await supplement(item, '请补充用地证明');
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
  });
});
