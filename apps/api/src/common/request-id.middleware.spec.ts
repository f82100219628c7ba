import type { LoggerService } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { EventEmitter } from 'node:events';
import { currentRequestId } from '../../../../libs/logging/src';
import { requestIdFrom, requestIdMiddleware } from './request-id.middleware';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function fakeExchange(url: string, headers: Record<string, string> = {}) {
  const req = { method: 'GET', originalUrl: url, headers } as unknown as Request & {
    user?: { username: string };
  };
  const headersSet: Record<string, string> = {};
  const res = Object.assign(new EventEmitter(), {
    statusCode: 200,
    writableFinished: false,
    headers: headersSet,
    setHeader(name: string, value: string) {
      this.headers[name] = value;
    },
  });
  return { req, res };
}

function recordingLogger() {
  const calls: [string, Record<string, unknown>][] = [];
  const logger: LoggerService = {
    log: (m: Record<string, unknown>) => calls.push(['log', m]),
    error: (m: Record<string, unknown>) => calls.push(['error', m]),
    warn: (m: Record<string, unknown>) => calls.push(['warn', m]),
    debug: (m: Record<string, unknown>) => calls.push(['debug', m]),
  };
  return { logger, calls };
}

describe('requestIdFrom', () => {
  it('keeps an acceptable id and replaces anything else with a UUID', () => {
    expect(requestIdFrom('abc-123._:X')).toBe('abc-123._:X');
    expect(requestIdFrom('a'.repeat(100))).toBe('a'.repeat(100));
    for (const bad of [undefined, '', 'has space', 'a'.repeat(101), 'x\ny', 'ü', ['a', 'b']]) {
      expect(requestIdFrom(bad)).toMatch(UUID);
    }
  });
});

describe('requestIdMiddleware', () => {
  it('sets the header, runs the rest inside the context and logs once when finished', () => {
    const { logger, calls } = recordingLogger();
    const { req, res } = fakeExchange('/api/projects?page=2', { 'x-request-id': 'given-1' });
    let inside: string | undefined;
    const next: NextFunction = () => {
      inside = currentRequestId();
    };
    requestIdMiddleware(logger)(req, res as unknown as Response, next);
    expect(inside).toBe('given-1');
    expect(res.headers['X-Request-Id']).toBe('given-1');
    expect(calls).toHaveLength(0);

    req.user = { username: 'alice' };
    res.statusCode = 201;
    res.writableFinished = true;
    res.emit('finish');
    res.emit('close');
    expect(calls).toEqual([
      [
        'log',
        {
          msg: 'GET /api/projects?page=2 201',
          method: 'GET',
          path: '/api/projects?page=2',
          status: 201,
          durationMs: expect.any(Number),
          username: 'alice',
          requestId: 'given-1',
        },
      ],
    ]);
  });

  it('logs 5xx as errors, /health at debug, and a request the client abandoned', () => {
    const { logger, calls } = recordingLogger();
    const run = (url: string, status: number, finished: boolean) => {
      const { req, res } = fakeExchange(url);
      requestIdMiddleware(logger)(req, res as unknown as Response, () => undefined);
      res.statusCode = status;
      res.writableFinished = finished;
      res.emit(finished ? 'finish' : 'close');
    };
    run('/api/x', 500, true);
    run('/health', 200, true);
    run('/api/slow', 200, false);
    expect(calls.map(([level, m]) => [level, m.status, m.aborted])).toEqual([
      ['error', 500, undefined],
      ['debug', 200, undefined],
      ['log', 200, true],
    ]);
    expect(calls[0][1].requestId).toMatch(UUID);
  });
});
