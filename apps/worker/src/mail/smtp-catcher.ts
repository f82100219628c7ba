/**
 * The embedded default's mail server: an SMTP server on loopback inside the worker that keeps
 * every mail it receives as an .eml file and logs a line for it, so a developer without a mail
 * server still sees every notice mail (`ls <DATA_DIR>/mail`), and none is dropped silently.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

export interface SmtpCatcher {
  url: string;
  dir: string;
  close(): Promise<void>;
}

const header = (raw: string, name: string) =>
  new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(raw.split(/\r?\n\r?\n/)[0])?.[1]?.trim();

export async function startSmtpCatcher(
  dir: string,
  log: (line: string) => void,
): Promise<SmtpCatcher> {
  mkdirSync(dir, { recursive: true });
  let n = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const to = session.envelope.rcptTo.map((r) => r.address).join(', ');
        const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${++n}.eml`);
        try {
          writeFileSync(file, raw);
          log(`mail to ${to} caught (${header(raw, 'Message-ID') ?? 'no Message-ID'}): ${file}`);
          done();
        } catch (err) {
          done(err as Error);
        }
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    dir,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
