/**
 * A real SMTP server on loopback for e2e tests (the `smtp-server` package): it keeps what
 * arrives, decoded enough to assert on, and can be stopped and started again on the same port
 * (a mail server that is down).
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  messageId: string;
  subject: string;
  text: string;
  outboxId: string;
}

function headers(raw: string): Record<string, string> {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  const out: Record<string, string> = {};
  for (const line of head.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) out[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return out;
}

/** RFC 2047 words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=), as nodemailer writes them. */
const decodeWords = (s: string) =>
  s
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQp(text.replace(/_/g, ' ')),
    );

function decodeQp(s: string): string {
  const bytes: number[] = [];
  const src = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < src.length; i++) {
    if (src[i] === '=' && /^[0-9A-F]{2}$/i.test(src.slice(i + 1, i + 3))) {
      bytes.push(parseInt(src.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(src[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

function parse(raw: string, to: string[]): ReceivedMail {
  const h = headers(raw);
  const body = raw
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join('\n\n');
  const cte = (h['content-transfer-encoding'] ?? '').toLowerCase();
  const text =
    cte === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : cte === 'quoted-printable'
        ? decodeQp(body)
        : body;
  return {
    to,
    messageId: h['message-id'] ?? '',
    subject: decodeWords(h.subject ?? ''),
    text,
    outboxId: h['x-approvals-outbox'] ?? '',
  };
}

export class SmtpInbox {
  readonly mails: ReceivedMail[] = [];
  port = 0;
  private server?: SMTPServer;

  get url() {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, done) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const to = session.envelope.rcptTo.map((r) => r.address);
          this.mails.push(parse(Buffer.concat(chunks).toString('utf8'), to));
          done();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    await new Promise<void>((r) => (s ? s.close(() => r()) : r()));
  }

  to(address: string) {
    return this.mails.filter((m) => m.to.includes(address));
  }

  async waitFor(what: string, pred: (m: ReceivedMail) => boolean, timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.mails.find(pred);
      if (found) return found;
      if (Date.now() > deadline) {
        throw new Error(
          `${what}: no such mail within ${timeoutMs} ms; got ${JSON.stringify(this.mails.map((m) => [m.to, m.subject]))}`,
        );
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
