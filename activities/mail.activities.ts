import { ApplicationFailure } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import { NOTICE_KIND_LABELS, renderNoticeText } from '../libs/approval/src';
import { oneLine } from '../libs/domain/src';
import { markMailFailed, markMailSent, outboxMail, type OutboxMail } from '../libs/persistence/src';

/** The part of a nodemailer transport the activity uses (a fake in unit tests). */
export interface MailSender {
  sendMail(mail: {
    from: string;
    to: string;
    subject: string;
    text: string;
    messageId: string;
    headers: Record<string, string>;
  }): Promise<unknown>;
}

export interface MailDeps {
  dataSource: DataSource;
  sender: MailSender;
  from: string;
  messageIdDomain: string;
  publicUrl?: string;
}

/** The failure type of a mail the server refused for good (5xx): not retried. */
export const MAIL_REFUSED = 'MailRefused';

export type DeliveryOutcome = 'SENT' | 'ALREADY_SENT' | 'GONE' | 'SKIPPED';

/** The Message-ID of an outbox row's mail: a resend after a crash carries the same one. */
export const messageIdOf = (outboxId: string, domain: string) => `<notice-${outboxId}@${domain}>`;

/**
 * The mail of a notice: Chinese, with the English wording below it. Every stored value (the
 * project's name, the reader's, the rendered notice with its reasons) is printed as one line, so
 * none can forge a line of the body or reorder it with bidi formatting.
 */
export function mailText(row: OutboxMail, publicUrl?: string) {
  const kind = NOTICE_KIND_LABELS['zh-CN'][row.kind] ?? row.kind;
  const kindEn = NOTICE_KIND_LABELS.en[row.kind] ?? row.kind;
  const zh = oneLine((row.text && renderNoticeText('zh-CN', row.text)) ?? row.message);
  const en = oneLine((row.text && renderNoticeText('en', row.text)) ?? row.message);
  const projectName = oneLine(row.projectName);
  const displayName = oneLine(row.displayName);
  const link = publicUrl ? `\n\n${publicUrl}/projects/${row.projectId}` : '';
  const english = en === zh ? '' : `\n\n${kindEn}: ${en}`;
  return {
    subject: `【并联审批】${projectName}：${kind}`,
    text: `${displayName}：\n\n${projectName} — ${kind}\n${zh}${english}${link}\n\n（本邮件由并联审批系统发送；可在“设置”中关闭邮件通知。）`,
  };
}

/** The mail server refused the mail for good (5xx): not tried again. */
export class MailRefusedError extends Error {
  override readonly name = MAIL_REFUSED;
}

/**
 * Sends one outbox row's mail, once: a row already sent is not sent again, and the mail's
 * Message-ID is the row's, so a resend after a crash between the send and the mark is
 * recognisable downstream. A server that is down or answers 4xx throws a plain Error (the
 * caller tries again later); a 5xx throws `MailRefusedError`, a refusal for good.
 */
export async function deliverOutboxMail(
  deps: MailDeps,
  outboxId: string,
): Promise<DeliveryOutcome> {
  const row = await outboxMail(deps.dataSource, outboxId);
  if (!row) return 'GONE';
  if (row.sentAt) return 'ALREADY_SENT';
  if (row.failedAt) return 'SKIPPED';
  if (!row.email || !row.mailNotices) {
    await markMailFailed(deps.dataSource, outboxId, 'mail turned off or no address');
    return 'SKIPPED';
  }
  const messageId = messageIdOf(outboxId, deps.messageIdDomain);
  try {
    await deps.sender.sendMail({
      from: deps.from,
      to: row.email,
      ...mailText(row, deps.publicUrl),
      messageId,
      headers: { 'X-Approvals-Outbox': outboxId },
    });
  } catch (err) {
    const code = (err as { responseCode?: number }).responseCode;
    if (typeof code === 'number' && code >= 500 && code < 600) {
      throw new MailRefusedError(
        `the mail server refused the mail to ${row.email}: ${(err as Error).message}`,
      );
    }
    throw new Error(`mail to ${row.email} not sent, retrying: ${(err as Error).message}`);
  }
  await markMailSent(deps.dataSource, outboxId, messageId);
  return 'SENT';
}

/**
 * The activities of `mailDeliveryWorkflow`, which sent each mail until the worker's mail sender
 * (apps/worker/src/mail/mail-sender.ts) took over; kept registered so deliveries started before
 * finish. The same delivery, with a refusal as a non-retryable failure.
 */
export function createMailActivities(deps: MailDeps) {
  return {
    async deliverNoticeMail({ outboxId }: { outboxId: string }): Promise<DeliveryOutcome> {
      try {
        return await deliverOutboxMail(deps, outboxId);
      } catch (err) {
        if (!(err instanceof MailRefusedError)) throw err;
        throw ApplicationFailure.create({
          message: err.message,
          type: MAIL_REFUSED,
          nonRetryable: true,
        });
      }
    },

    async giveUpNoticeMail({ outboxId, error }: { outboxId: string; error: string }) {
      await markMailFailed(deps.dataSource, outboxId, error);
    },
  };
}

export type MailActivities = ReturnType<typeof createMailActivities>;
