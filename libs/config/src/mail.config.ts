import { registerAs } from '@nestjs/config';
import { ConfigError, Env, readInt, readString, readUrl } from './env';

/**
 * How notices are mailed. `smtp`: to SMTP_URL; `catcher`: the embedded default without
 * SMTP_URL, an SMTP server in the worker on loopback that keeps every mail as a file and logs it;
 * `off`: any other start without SMTP_URL — notices reach the web inbox only, and the worker
 * says so loudly at start.
 */
export interface MailConfig {
  mode: 'smtp' | 'catcher' | 'off';
  /** smtp:// or smtps://, with user:password@ when the server wants them. */
  smtpUrl?: string;
  /** The From header, e.g. `并联审批 <noreply@approvals.example>`. */
  from: string;
  /** The domain of the Message-ID of each mail (`<outbox id>@domain`): the From's by default. */
  messageIdDomain: string;
  /** The web app's address for links in mails (PUBLIC_URL); none: no link. */
  publicUrl?: string;
  /** How often the worker looks for mails whose delivery never started (MAIL_SWEEP_SECONDS). */
  sweepSeconds: number;
  /** The catcher's folder of .eml files (MAIL_CATCHER_DIR; `npm start`: <DATA_DIR>/mail). */
  catcherDir?: string;
}

const FROM = /^(?:[^<>]*<)?([^\s@<>]+)@([A-Za-z0-9.-]+)>?$/;

export function parseMailConfig(env: Env): MailConfig {
  const smtpUrl = readUrl(env, 'SMTP_URL', ['smtp:', 'smtps:']);
  const from = readString(env, 'MAIL_FROM', '并联审批 <noreply@approvals.local>');
  const m = FROM.exec(from);
  if (!m)
    throw new ConfigError('MAIL_FROM', `must be an address or "Name <address>", got "${from}"`);
  return {
    mode: smtpUrl ? 'smtp' : env.APPROVALS_EMBEDDED === '1' ? 'catcher' : 'off',
    smtpUrl,
    from,
    messageIdDomain: m[2],
    publicUrl: readUrl(env, 'PUBLIC_URL', ['http:', 'https:'])?.replace(/\/+$/, ''),
    sweepSeconds: readInt(env, 'MAIL_SWEEP_SECONDS', 60, { min: 1, max: 86_400 }),
    catcherDir: readString(env, 'MAIL_CATCHER_DIR'),
  };
}

export const mailConfig = registerAs('mail', () => parseMailConfig(process.env));
