import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { MAIL_REFUSED, createMailActivities, type MailSender } from './mail.activities';

const row = {
  id: 'row-1',
  sentAt: null as Date | null,
  messageId: null,
  failedAt: null,
  email: 'a@mail.test',
  mailNotices: true,
  displayName: '甲建设公司 申请人',
  projectId: 'p-1',
  projectName: '通知小学',
  kind: 'CLOCK_STOPPED',
  message: 'The clock of X stopped: 请补充材料',
  at: new Date(),
};

/** The outbox in memory: the activity's statements answered as PostgreSQL would. */
function setUp(over: Partial<typeof row> = {}, send?: MailSender['sendMail']) {
  const stored = { ...row, ...over };
  const writes: unknown[][] = [];
  const dataSource = {
    query: jest.fn(async (sql: string, params: unknown[]) => {
      if (sql.includes('FROM mail_outbox o')) return [stored];
      writes.push([sql.trim().split(/\s+/).slice(0, 5).join(' '), ...params]);
      return [];
    }),
  } as unknown as DataSource;
  const sendMail = jest.fn(send ?? (async () => ({})));
  const acts = createMailActivities({
    dataSource,
    sender: { sendMail },
    from: 'x <noreply@approvals.local>',
    messageIdDomain: 'approvals.local',
    publicUrl: 'https://approvals.example',
  });
  const env = new MockActivityEnvironment(undefined, { logger: new DefaultLogger('ERROR') });
  const deliver = () => env.run(acts.deliverNoticeMail, { outboxId: 'row-1' });
  return { deliver, sendMail, writes };
}

describe('the mail activity sends an outbox row once', () => {
  it('sends with the row’s Message-ID and a link to the project, then marks the row sent', async () => {
    const { deliver, sendMail, writes } = setUp();
    await expect(deliver()).resolves.toBe('SENT');
    expect(sendMail).toHaveBeenCalledTimes(1);
    const mail = sendMail.mock.calls[0][0];
    expect(mail).toMatchObject({ to: 'a@mail.test', messageId: '<notice-row-1@approvals.local>' });
    expect(mail.subject).toBe('【并联审批】通知小学：计时暂停');
    expect(mail.text).toContain('请补充材料');
    expect(mail.text).toContain('https://approvals.example/projects/p-1');
    expect(writes).toEqual([
      ['UPDATE mail_outbox SET sent_at =', 'row-1', '<notice-row-1@approvals.local>'],
    ]);
  });

  it('prints a stored name or reason with line breaks or bidi formatting as one line', async () => {
    const { deliver, sendMail } = setUp({
      projectName: '通知小学\r\n\r\n您的项目已办结，请点击 https://evil.example 领取',
      displayName: '甲\u202e乙',
      message: 'The clock stopped: 请补充\n\n（本邮件由并联审批系统发送）',
    });
    await expect(deliver()).resolves.toBe('SENT');
    const mail = sendMail.mock.calls[0][0];
    const lines = mail.text.split('\n');
    expect(lines[0]).toBe('甲乙：');
    expect(lines).toContain('通知小学 您的项目已办结，请点击 https://evil.example 领取 — 计时暂停');
    expect(lines.filter((l: string) => l.startsWith('您的项目'))).toEqual([]);
    expect(lines.filter((l: string) => l === '（本邮件由并联审批系统发送）')).toEqual([]);
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it('does not send a row already sent', async () => {
    const { deliver, sendMail } = setUp({ sentAt: new Date() });
    await expect(deliver()).resolves.toBe('ALREADY_SENT');
    expect(sendMail).not.toHaveBeenCalled();
  });

  it('does not send to a person who turned mail off meanwhile; the row is closed', async () => {
    const { deliver, sendMail, writes } = setUp({ mailNotices: false });
    await expect(deliver()).resolves.toBe('SKIPPED');
    expect(sendMail).not.toHaveBeenCalled();
    expect(writes[0][0]).toContain('failed_at');
  });

  it('a server that is down is retried; a 5xx refusal is not', async () => {
    const down = setUp({}, async () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), { code: 'ESOCKET' });
    });
    const err = await down.deliver().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(ApplicationFailure);
    expect(down.writes).toEqual([]); // not marked sent

    const refused = setUp({}, async () => {
      throw Object.assign(new Error('550 no such mailbox'), { responseCode: 550 });
    });
    const failure = (await refused.deliver().catch((e: unknown) => e)) as ApplicationFailure;
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: MAIL_REFUSED, nonRetryable: true });
  });
});
