import busboy from 'busboy';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Request } from 'express';
import {
  ALLOWED_TYPES_TEXT,
  SNIFF_BYTES,
  sniffType,
  type SniffedType,
} from '../../../../libs/storage/src';

/** Why an upload was refused; `status` is the HTTP answer (400, 413, 415). */
export class UploadRefused extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

export interface ReceivedFile {
  filename: string;
  type: SniffedType;
  /** The bytes, streamed once into storage; read it to the end. */
  body: Readable;
  /** Known once `body` has ended: its size and SHA-256, or the reason it was refused. */
  done: Promise<{ size: number; sha256: string }>;
}

/** A name safe to keep and show: no path, no control or bidi characters, at most 200 characters. */
export function cleanFilename(raw: string, type: SniffedType): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are what it removes
  const clean = base.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  const name = clean.length > 0 ? clean.slice(-200) : `file.${type.extension}`;
  return /\.[A-Za-z0-9]{1,8}$/.test(name) ? name : `${name}.${type.extension}`;
}

/**
 * Reads the multipart body's one `file` part as a stream: its first bytes tell its type (refused
 * unless allowed, whatever its name says), and the rest flows through a SHA-256 and a byte count
 * into whatever consumes `body` — never the whole file in memory. More than `maxBytes`, an empty
 * file, or no file part at all are refused; a cut connection fails `body`.
 */
export function receiveFile(req: Request, maxBytes: number): Promise<ReceivedFile> {
  return new Promise<ReceivedFile>((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: { files: 1, fileSize: maxBytes, fields: 10, parts: 20, fieldSize: 1024 },
      });
    } catch {
      return reject(new UploadRefused(400, 'file: send the file as multipart/form-data'));
    }
    let seen = false;
    const fail = (err: Error) => reject(err);
    bb.on('file', (field, stream, info) => {
      if (field !== 'file' || seen) {
        stream.resume();
        return;
      }
      seen = true;
      void start(stream, info.filename ?? '').then(resolve, fail);
    });
    bb.on('close', () => {
      if (!seen) reject(new UploadRefused(400, 'file: the form has no part named "file"'));
    });
    bb.on('error', (err: Error) => fail(new UploadRefused(400, `file: ${err.message}`)));
    req.on('aborted', () => fail(new Error('the client closed the connection')));
    req.pipe(bb);

    async function start(stream: Readable, rawName: string): Promise<ReceivedFile> {
      // The head, for the type; the stream stays paused until storage reads the body.
      const head: Buffer[] = [];
      let headLength = 0;
      const it = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
      let ended = false;
      while (headLength < SNIFF_BYTES) {
        const next = await it.next();
        if (next.done) {
          ended = true;
          break;
        }
        head.push(next.value);
        headLength += next.value.length;
      }
      const first = Buffer.concat(head);
      if (first.length === 0) throw new UploadRefused(400, 'file: the file is empty');
      const type = sniffType(first);
      if (!type) {
        stream.resume();
        throw new UploadRefused(
          415,
          `file: its content is not one of ${ALLOWED_TYPES_TEXT} (the type is read from the file, not its name)`,
        );
      }
      const hash = createHash('sha256');
      let size = 0;
      let settle!: { ok: (v: { size: number; sha256: string }) => void; no: (e: Error) => void };
      const done = new Promise<{ size: number; sha256: string }>((ok, no) => (settle = { ok, no }));
      done.catch(() => undefined); // read by the caller; no unhandled rejection meanwhile
      const chunks = async function* () {
        try {
          for (const chunk of [first]) {
            hash.update(chunk);
            size += chunk.length;
            yield chunk;
          }
          while (!ended) {
            const next = await it.next();
            if (next.done) break;
            hash.update(next.value);
            size += next.value.length;
            yield next.value;
          }
          if ((stream as Readable & { truncated?: boolean }).truncated) {
            throw new UploadRefused(
              413,
              `file: larger than ${Math.round(maxBytes / 1024 / 1024)} MB (UPLOAD_MAX_MB)`,
            );
          }
          settle.ok({ size, sha256: hash.digest('hex') });
        } catch (err) {
          settle.no(err as Error);
          throw err;
        }
      };
      return {
        filename: cleanFilename(rawName, type),
        type,
        body: Readable.from(chunks(), { objectMode: false }),
        done,
      };
    }
  });
}
