import { ConsoleLogger, Logger } from '@nestjs/common';
import { JsonLogger, JsonLoggerOptions } from './json-logger';
import { currentRequestId, requestContext } from './request-context';
import { temporalLogFunction } from './temporal-log';

function capture(options: Omit<JsonLoggerOptions, 'write'> = {}) {
  const lines: string[] = [];
  const logger = new JsonLogger({ ...options, write: (line) => lines.push(line) });
  const records = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { logger, lines, records };
}

describe('JsonLogger', () => {
  it('writes one JSON object per line with time, level, context and msg', () => {
    const { logger, lines, records } = capture();
    logger.log('hello', 'Boot');
    logger.warn('careful');
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line.endsWith('\n')).toBe(true);
      expect(line.slice(0, -1)).not.toContain('\n');
    }
    const [info, warn] = records();
    expect(info).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      level: 'info',
      context: 'Boot',
      msg: 'hello',
    });
    expect(new Date(info.time as string).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(warn).toMatchObject({ level: 'warn', msg: 'careful' });
    expect(warn).not.toHaveProperty('context');
  });

  it('writes to stdout unless given a sink', () => {
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      new JsonLogger().log('to stdout', 'Ctx');
      expect(spy).toHaveBeenCalledTimes(1);
      expect(JSON.parse(String(spy.mock.calls[0][0]))).toMatchObject({
        level: 'info',
        context: 'Ctx',
        msg: 'to stdout',
      });
    } finally {
      spy.mockRestore();
    }
  });

  it.each([
    ['error', ['fatal', 'error']],
    ['warn', ['fatal', 'error', 'warn']],
    ['log', ['fatal', 'error', 'warn', 'info']],
    ['debug', ['fatal', 'error', 'warn', 'info', 'debug']],
    ['verbose', ['fatal', 'error', 'warn', 'info', 'debug', 'verbose']],
  ] as const)('at LOG_LEVEL=%s writes only %j', (level, written) => {
    const { logger, records } = capture({ level });
    logger.fatal('f');
    logger.error('e');
    logger.warn('w');
    logger.log('l');
    logger.debug('d');
    logger.verbose('v');
    expect(records().map((r) => r.level)).toEqual(written);
  });

  it('follows the levels Nest sets', () => {
    const { logger, records } = capture({ level: 'verbose' });
    logger.setLogLevels(['error']);
    logger.log('dropped');
    logger.error('kept');
    expect(records().map((r) => r.msg)).toEqual(['kept']);
    expect(logger.isLevelEnabled('log')).toBe(false);
  });

  it('adds the request id inside a request context and leaves it out elsewhere', async () => {
    const { logger, records } = capture();
    logger.log('before');
    await requestContext.run({ requestId: 'req-1' }, async () => {
      expect(currentRequestId()).toBe('req-1');
      await new Promise((r) => setTimeout(r, 5));
      logger.log('after an await');
      await requestContext.run({ requestId: 'req-2' }, async () => logger.log('nested'));
    });
    logger.log('after');
    expect(currentRequestId()).toBeUndefined();
    expect(records().map((r) => [r.msg, r.requestId])).toEqual([
      ['before', undefined],
      ['after an await', 'req-1'],
      ['nested', 'req-2'],
      ['after', undefined],
    ]);
  });

  it('merges an object message as fields, its msg or message as msg', () => {
    const { logger, records } = capture();
    logger.log({ msg: 'GET / 200', status: 200, user: { name: 'a' } }, 'http');
    logger.warn({ message: 'slow', durationMs: 12.5 });
    logger.log({ count: 3 });
    logger.log(42, 'Ctx');
    logger.log([1, 'two']);
    const [a, b, c, d, e] = records();
    expect(d).toMatchObject({ context: 'Ctx', msg: '42' });
    expect(e).toMatchObject({ msg: '[1,"two"]' });
    expect(a).toMatchObject({
      context: 'http',
      msg: 'GET / 200',
      status: 200,
      user: { name: 'a' },
    });
    expect(b).toMatchObject({ msg: 'slow', durationMs: 12.5 });
    expect(c).toMatchObject({ msg: '', count: 3 });
  });

  it('keeps its own fields when an object has the same names, and takes an explicit requestId', () => {
    const { logger, records } = capture();
    requestContext.run({ requestId: 'ambient' }, () => {
      logger.log({ level: 'mine', time: 'then', context: 'x', requestId: 'explicit' }, 'Ctx');
    });
    expect(records()[0]).toMatchObject({
      level: 'info',
      context: 'Ctx',
      requestId: 'explicit',
      _level: 'mine',
      _time: 'then',
      _context: 'x',
    });
  });

  it('writes an Error with its message and stack, and a stack passed the way Nest passes it', () => {
    const { logger, records } = capture();
    const err = new TypeError('bad thing');
    logger.error(err);
    logger.error('failed to start', err.stack, 'Boot');
    logger.error('no stack here', 'Ctx');
    const [a, b, c] = records();
    expect(a).toMatchObject({ level: 'error', msg: 'TypeError: bad thing', stack: err.stack });
    expect(b).toMatchObject({ msg: 'failed to start', context: 'Boot', stack: err.stack });
    expect(c).toEqual({
      time: expect.any(String),
      level: 'error',
      context: 'Ctx',
      msg: 'no stack here',
    });
  });

  it("serves as Nest's logger: Logger instances pass their context and stack through", () => {
    const { logger, records } = capture();
    Logger.overrideLogger(logger);
    try {
      const log = new Logger('Svc');
      log.log('plain');
      log.error('with stack', new Error('x').stack);
      log.error({ msg: 'as object', requestId: 'r' });
    } finally {
      Logger.overrideLogger(new ConsoleLogger());
    }
    const [a, b, c] = records();
    expect(a).toMatchObject({ level: 'info', context: 'Svc', msg: 'plain' });
    expect(b).toMatchObject({
      context: 'Svc',
      msg: 'with stack',
      stack: expect.stringContaining('Error: x'),
    });
    expect(c).toEqual({
      time: expect.any(String),
      level: 'error',
      context: 'Svc',
      requestId: 'r',
      msg: 'as object',
    });
  });

  it('serialises errors inside fields, BigInt and cycles instead of throwing', () => {
    const { logger, records } = capture();
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const shared = { n: 1 };
    logger.log({
      msg: 'odd values',
      cause: new Error('inner'),
      big: 10n,
      cyclic,
      a: shared,
      b: shared,
    });
    const [r] = records();
    expect(r).toMatchObject({
      msg: 'odd values',
      cause: { name: 'Error', message: 'inner', stack: expect.stringContaining('inner') },
      big: '10',
      cyclic: { name: 'loop', self: '[Circular]' },
      a: { n: 1 },
      b: { n: 1 },
    });
  });

  it('never throws: a value that cannot be serialised becomes a line saying so', () => {
    const { logger, records } = capture();
    const hostile = {
      toJSON() {
        throw new Error('no');
      },
    };
    expect(() => logger.log({ hostile })).not.toThrow();
    expect(records()[0]).toMatchObject({ level: 'info', msg: 'a log line could not be written' });
    const broken = new JsonLogger({
      write: () => {
        throw new Error('disk full');
      },
    });
    expect(() => broken.error('x')).not.toThrow();
  });

  it('writes text for humans when the format is text', () => {
    const { logger, lines } = capture({ format: 'text' });
    const err = new Error('boom');
    requestContext.run({ requestId: 'abc' }, () => {
      logger.log({ msg: 'GET /x 200', status: 200, note: 'two words' }, 'http');
      logger.error('failed', err.stack, 'Boot');
    });
    expect(lines[0]).toMatch(
      /^\d{4}-\d\d-\d\dT\S+Z INFO {4}\[http\] GET \/x 200 requestId=abc status=200 note="two words"\n$/,
    );
    expect(lines[1]).toMatch(/^\S+ ERROR {3}\[Boot\] failed requestId=abc\nError: boom\n\s+at /);
  });
});

describe('temporalLogFunction', () => {
  it("writes the SDK's entries in the app's format with the SDK's time and metadata", () => {
    const { logger, records } = capture({ level: 'debug' });
    const fn = temporalLogFunction(logger);
    const at = Date.UTC(2026, 1, 17, 8, 30, 0, 123);
    fn({
      level: 'INFO',
      message: 'Workflow bundle created',
      meta: { sdkComponent: 'worker', taskQueue: 'q' },
      timestampNanos: BigInt(at) * 1_000_000n + 456n,
    });
    fn({ level: 'TRACE', message: 'too fine', timestampNanos: BigInt(at) * 1_000_000n });
    fn({ level: 'ERROR', message: 'activity failed', timestampNanos: BigInt(at) * 1_000_000n });
    expect(records()).toEqual([
      {
        time: '2026-02-17T08:30:00.123Z',
        level: 'info',
        context: 'temporal',
        msg: 'Workflow bundle created',
        sdkComponent: 'worker',
        taskQueue: 'q',
      },
      {
        time: '2026-02-17T08:30:00.123Z',
        level: 'error',
        context: 'temporal',
        msg: 'activity failed',
      },
    ]);
  });
});
