/**
 * Fuzzing every operation of the OpenAPI document (fetched from the served API, so a new endpoint
 * is fuzzed without touching this file) with fast-check: arbitrary path values (real ids, task
 * ids, item codes and random strings with `../`, `%00`, unicode, 3,000 characters), queries,
 * headers (Idempotency-Key, Content-Type, Authorization) and bodies (any JSON value, objects with
 * the API's own field names holding the wrong types, NUL characters, deep nesting, huge strings,
 * malformed JSON), as callers that may not touch P1, a project of organisation org-f2. Requires:
 * no 5xx, every error `{ statusCode, error, message }`, the API still healthy, and P1 unchanged
 * (report, timeline, delegations, its organisation's mandates, read by its owner).
 *
 * Deterministic: a fixed seed per operation (fast-check prints seed and path on failure).
 *
 * Request shapes that once answered 500 have their own cases at the end.
 */
import fc from 'fast-check';
import http from 'node:http';
import request from 'supertest';
import { EXAMPLE_ANSWERS } from '../libs/domain/src';
import { handIn, Harness, startHarness, userToken } from './app-harness';

const SEED = 20260601;
/** Requests per operation; each run draws a caller, path values, query, headers and a body. */
const RUNS_PER_OPERATION = 40;
/** Keeps most bodies under body-parser's 100 kB limit, so they reach validation (over it: 413). */
const MAX_BODY_BYTES = 90_000;

const warehouse = EXAMPLE_ANSWERS.warehouse;

type Caller = 'anonymous' | 'applicant' | 'agent' | 'officer.GAS' | 'head.GAS' | 'supervisor';
type FuzzCaller = Caller | 'admin';
/** Callers that may not touch P1 (org-f2, DRC involved, GAS not). Admin: see excludeFor. */
const CALLERS: FuzzCaller[] = [
  'anonymous',
  'applicant',
  'agent',
  'officer.GAS',
  'head.GAS',
  'supervisor',
  'admin',
];

interface Param {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  schema?: { enum?: unknown[]; type?: string };
}
interface Operation {
  method: string;
  path: string;
  params: Param[];
  hasBody: boolean;
}
interface Res {
  status: number;
  contentType: string;
  text: string;
}
interface Sent {
  caller: FuzzCaller;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** One HTTP request exactly as given: no header added, the path sent as is (raw `../`). */
function send(base: URL, agent: http.Agent, r: Sent): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: base.hostname,
        port: base.port,
        method: r.method,
        path: r.path,
        headers: {
          ...r.headers,
          ...(r.body !== undefined ? { 'content-length': Buffer.byteLength(r.body) } : {}),
        },
        agent,
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('no answer in 30 s')));
    req.on('error', reject);
    req.end(r.body);
  });
}

function errorShape(res: Res): string | undefined {
  if (!res.contentType.startsWith('application/json')) return `content-type ${res.contentType}`;
  let body: unknown;
  try {
    body = JSON.parse(res.text);
  } catch {
    return 'body is not JSON';
  }
  const b = body as { statusCode?: unknown; error?: unknown; message?: unknown };
  if (b === null || typeof b !== 'object') return 'body is not an object';
  if (b.statusCode !== res.status) return `statusCode ${String(b.statusCode)}`;
  if (typeof b.error !== 'string') return 'no error';
  const m = b.message;
  if (!(typeof m === 'string' || (Array.isArray(m) && m.every((x) => typeof x === 'string'))))
    return 'message is neither a string nor strings';
  return undefined;
}

/**
 * fast-check's report (seed and path to replay, "Property failed after N tests"), the request and
 * answer that failed (the error it threw, kept by fast-check as `cause`), and the counterexample.
 */
function failureText(err: unknown): string {
  const e = err as Error & { cause?: unknown };
  const lines = e.message.split('\n');
  const cause = e.cause instanceof Error ? e.cause.message : '';
  const counterexample = lines.find((l) => l.startsWith('Counterexample')) ?? '';
  return [lines.slice(0, 2).join(' '), cause.slice(0, 1000), counterexample.slice(0, 500)].join(
    '\n',
  );
}

/** encodeURIComponent; lone surrogates (which it refuses) become U+FFFD first. */
function encode(s: string): string {
  return encodeURIComponent(
    s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
  );
}

/** Every property name and enum value in the document's schemas. */
function vocabulary(doc: unknown): { fields: string[]; enums: string[] } {
  const fields = new Set<string>();
  const enums = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (o.properties && typeof o.properties === 'object') {
      for (const k of Object.keys(o.properties)) fields.add(k);
    }
    if (Array.isArray(o.enum)) for (const e of o.enum) enums.add(String(e));
    Object.values(o).forEach(walk);
  };
  walk(doc);
  return { fields: [...fields].sort(), enums: [...enums].sort() };
}

describe('fuzz: every operation with arbitrary paths, queries, headers and bodies (real stack)', () => {
  let h: Harness;
  let base: URL;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const auth: Record<string, string> = {};
  let ops: Operation[] = [];
  let vocab: { fields: string[]; enums: string[] };
  let p1: string;
  let p0: string;
  const pools: Record<string, string[]> = {};
  let before: unknown;

  const as = (who: string) => ({ Authorization: `Bearer ${auth[who]}` });
  /** What P1's owner sees of P1; `asOf` (today) is the only field allowed to move. */
  const snapshot = async () => {
    const report = (await request(h.url).get(`/api/projects/${p1}`).set(as('owner')).expect(200))
      .body as Record<string, unknown>;
    delete report.asOf;
    const timeline = (
      await request(h.url).get(`/api/projects/${p1}/timeline`).set(as('owner')).expect(200)
    ).body as { items: unknown[] };
    const delegations = (
      await request(h.url).get(`/api/projects/${p1}/delegations`).set(as('owner')).expect(200)
    ).body as unknown;
    const mandates = (await request(h.url).get('/api/mandates').set(as('owner')).expect(200))
      .body as unknown;
    return { timelineLength: timeline.items.length, report, timeline, delegations, mandates };
  };

  /** Creates a warehouse project, submits PLAN, has the window accept it; returns the report. */
  const projectInReview = async (owner: string, name: string) => {
    const id = (
      await request(h.url)
        .post('/api/projects')
        .set(as(owner))
        .send({ name, answers: warehouse })
        .expect(201)
    ).body.id as string;
    await handIn(h, auth[owner], id, 'PLAN');
    await request(h.url)
      .post(`/api/projects/${id}/stages/PLAN/submission`)
      .set(as(owner))
      .send({})
      .expect(200);
    const report = (
      await request(h.url)
        .post(`/api/projects/${id}/stages/PLAN/acceptance`)
        .set(as('window'))
        .send({ decision: 'ACCEPT' })
        .expect(200)
    ).body as {
      id: string;
      stages: { themes: { items: { code: string; department: string; taskId: string }[] }[] }[];
    };
    return report;
  };

  beforeAll(async () => {
    h = await startHarness();
    base = new URL(h.url);
    const users = {
      owner: { role: 'APPLICANT' as const, organisation: 'org-f2' },
      applicant: { role: 'APPLICANT' as const, organisation: 'org-f1' },
      agent: { role: 'AGENT' as const },
      window: { role: 'WINDOW_OFFICER' as const },
      'officer.DRC': { role: 'REVIEWING_OFFICER' as const, department: 'DRC' },
      'officer.GAS': { role: 'REVIEWING_OFFICER' as const, department: 'GAS' },
      'head.GAS': { role: 'DEPARTMENT_HEAD' as const, department: 'GAS' },
      supervisor: { role: 'SUPERVISOR' as const },
      admin: { role: 'ADMIN' as const },
    };
    for (const [name, u] of Object.entries(users)) {
      auth[name] = await userToken(h, { username: `fz-${name}`, ...u });
    }
    const r1 = await projectInReview('owner', `模糊测试-P1-${Date.now()}`);
    p1 = r1.id;
    const items1 = r1.stages[0].themes.flatMap((t) => t.items);
    expect(items1.some((i) => i.department === 'GAS')).toBe(false);
    const drc = items1.find((i) => i.department === 'DRC')!;
    await request(h.url)
      .post(`/api/tasks/${drc.taskId}/decision`)
      .set(as('officer.DRC'))
      .send({ action: 'APPROVE' })
      .expect(200);
    const r0 = await projectInReview('applicant', `模糊测试-P0-${Date.now()}`);
    p0 = r0.id;
    const items0 = r0.stages[0].themes.flatMap((t) => t.items);

    const doc = (await request(h.url).get('/docs/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, { parameters?: Param[]; requestBody?: unknown }>>;
    };
    ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        params: op.parameters ?? [],
        hasBody: op.requestBody !== undefined,
      })),
    );
    vocab = vocabulary(doc);
    const uuid = '5b3c1f0e-7a8d-4c1e-9f00-000000000000';
    Object.assign(pools, {
      id: [p1, p0, uuid, `${p1} `, p1.toUpperCase()],
      taskId: [...items1, ...items0].map((i) => i.taskId).concat(`${p1}:../${drc.code}`),
      itemCode: [...new Set([...items1, ...items0].map((i) => i.code))],
      stage: ['PLAN', 'START_PERMIT', 'COMPLETION', 'plan'],
      agentUsername: ['fz-agent', 'fz-owner', 'fz-applicant', 'nobody'],
      year: ['2026', '2027', '1999', '2100', '-1', '2026.5'],
      procedureId: [uuid],
      projectId: [p1, p0],
    });
    // Let P1's workflow finish its start, then remember what its owner sees.
    let prev = await snapshot();
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setTimeout(r, 500));
      const cur = await snapshot();
      if (JSON.stringify(cur) === JSON.stringify(prev)) break;
      prev = cur;
    }
    before = prev;
  });

  afterAll(async () => {
    agent.destroy();
    await h?.close();
  });

  // ---- generators (built once the document and the ids are known) ----------------------------

  /** Arbitrary requests for one operation, as one of the callers it is fuzzed with. */
  function generators() {
    const hostile = fc.constantFrom(
      '',
      ' ',
      '../',
      '../../health',
      '..\\..\\',
      '%00',
      '\u0000',
      'a\u0000b',
      "' OR '1'='1",
      '${jndi:ldap://x}',
      '{{7*7}}',
      '<script>alert(1)</script>',
      '工程建设项目审批',
      '🏗️👷‍♀️',
      '\u202e\u200b\ufeff',
      'NaN',
      '-0',
      '1e400',
      '99999999999999999999999',
      'null',
      'undefined',
      '__proto__',
      'constructor',
      'x'.repeat(3000),
    );
    const anyString = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      hostile,
    );
    /** Raw URL segments, sent unencoded: traversal, broken and double percent-encodings. */
    const rawSegment = fc.constantFrom(
      '..',
      '.',
      '%2e%2e',
      '..%2f..%2fhealth',
      '%00',
      '%',
      '%zz',
      '%E0%A4%A',
      '%252e',
      '..;',
      '',
    );

    const pathValue = (name: string) =>
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...(pools[name] ?? pools.id)).map(encode) },
        { weight: 1, arbitrary: fc.constantFrom(...pools.id, ...pools.taskId).map(encode) },
        { weight: 3, arbitrary: anyString.map(encode) },
        { weight: 1, arbitrary: rawSegment },
      );

    const pageValue = fc.oneof(
      fc.integer({ min: -1000, max: 1e9 }).map(String),
      fc.constantFrom('1e20', '9'.repeat(30), '0x7fffffffffffffff', '4611686018427387904'),
      anyString,
    );

    const queryValue = (p: Param) =>
      p.name === 'page'
        ? pageValue
        : fc.oneof(
            fc.constantFrom(...(p.schema?.enum ?? vocab.enums).map(String)),
            fc.constantFrom(...(pools[p.name] ?? ['1'])),
            fc.integer({ min: -5, max: 200 }).map(String),
            fc.constantFrom('2026-01-01', '2026-02-30', '2026-1-1', 'true', 'false'),
            anyString,
          );

    const query = (params: Param[]) => {
      const names = params.filter((p) => p.in === 'query');
      const pairs = fc.tuple(
        ...names.map((p) => fc.option(fc.array(queryValue(p), { minLength: 1, maxLength: 2 }))),
        fc.option(fc.tuple(fc.string({ maxLength: 8 }), anyString)),
      );
      return pairs.map((vals) => {
        const parts: string[] = [];
        names.forEach((p, i) => {
          for (const v of vals[i] ?? []) parts.push(`${p.name}=${encode(v)}`);
        });
        const extra = vals[names.length] as [string, string] | null;
        if (extra) parts.push(`${encode(extra[0])}=${encode(extra[1])}`);
        return parts.length ? `?${parts.join('&')}` : '';
      });
    };

    /** Arrays or objects nested up to 5,000 deep. */
    /** A value nested 20-60 deep (the API refuses more than 32 levels). */
    const deep = fc.tuple(fc.integer({ min: 20, max: 60 }), fc.boolean()).map(([n, arrays]) => {
      let v: unknown = 'bottom';
      for (let i = 0; i < n; i++) v = arrays ? [v] : i % 2 ? { answers: v } : { a: v };
      return v;
    });
    /** JSON text nested up to 5,000 deep, built as text (a value that deep overflows Jest's stack). */
    const deepText = fc
      .tuple(fc.integer({ min: 100, max: 5000 }), fc.constantFrom('[', '{"a":', '{"answers":'))
      .map(([n, open]) => {
        const close = open === '[' ? ']' : '}';
        return open.repeat(n) + (open === '[' ? '' : '1') + close.repeat(n);
      });

    const value: fc.Arbitrary<unknown> = fc.oneof(
      fc.constantFrom(...vocab.enums),
      anyString,
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom(-1, 0, 2 ** 31, 2 ** 53 + 1, 1e308, -1e-308),
      fc.array(anyString, { maxLength: 4 }),
      fc.dictionary(fc.constantFrom(...vocab.fields), anyString, { maxKeys: 3 }),
      fc.constant([{ name: 'm', uri: 'x\u0000' }]),
      fc.constantFrom('工'.repeat(20_000), 'x'.repeat(60_000)),
      deep,
    );

    /** Objects with the API's field names, shallow or one level nested, values of any type. */
    const knownFields = fc.dictionary(
      fc.constantFrom(...vocab.fields),
      fc.oneof(value, fc.dictionary(fc.constantFrom(...vocab.fields), value, { maxKeys: 4 })),
      { maxKeys: 6 },
    );

    const nearlyValid = fc.record(
      {
        name: anyString,
        answers: fc.oneof(
          fc.constant(warehouse),
          fc.dictionary(fc.constantFrom(...Object.keys(warehouse)), value),
        ),
        decision: fc.constantFrom('ACCEPT', 'RETURN', 'accept'),
        action: fc.constantFrom(
          'APPROVE',
          'REJECT',
          'REQUEST_SUPPLEMENT',
          'START_SPECIAL_PROCEDURE',
          'END_SPECIAL_PROCEDURE',
          'ACCEPT_WITH_DEFICIENCY',
          'DELETE',
        ),
        procedure: fc.record({ type: anyString, expectedDays: value }),
        deficiency: fc.record({ description: anyString, dueDate: value }),
        materials: fc.array(fc.record({ name: anyString, uri: anyString }), { maxLength: 3 }),
        agentUsername: fc.constantFrom(...pools.agentUsername),
        ownerOrganisation: fc.constantFrom('org-f1', 'org-f2', ''),
        acceptedAt: fc.constantFrom('2026-01-05', '2099-01-01', 'yesterday'),
        days: value,
        reason: anyString,
        note: anyString,
      },
      { requiredKeys: [] },
    );

    const malformed = fc.oneof(
      fc.constantFrom(
        '{',
        '{"a":',
        '[1,2',
        '{"a":1}}',
        "{'a':1}",
        'nul',
        'NaN',
        '\u0000',
        '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
        '{"a":1,"a":2}',
        '\ufeff{}',
        '"just a string"',
        '12',
        'a=1&b[c]=2',
      ),
      fc.json().chain((s) => fc.nat({ max: s.length }).map((n) => s.slice(0, n))), // truncated JSON
    );

    /** A body as text, or undefined for none; JSON texts stay under MAX_BODY_BYTES. */
    const body = fc.oneof(
      { weight: 1, arbitrary: fc.constant(undefined) },
      { weight: 3, arbitrary: knownFields.map((o) => JSON.stringify(o)) },
      { weight: 3, arbitrary: nearlyValid.map((o) => JSON.stringify(o)) },
      { weight: 2, arbitrary: fc.anything().map((v) => JSON.stringify(v)) },
      { weight: 1, arbitrary: fc.json() },
      { weight: 1, arbitrary: deepText },
      { weight: 2, arbitrary: malformed },
    );

    const contentType = fc.constantFrom(
      undefined,
      'application/json',
      'application/json; charset=utf-8',
      'Application/JSON;Charset=UTF-8',
      'application/merge-patch+json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=----fuzz',
      'application/xml',
      'application/octet-stream',
      '*/*',
      'json',
    );

    /** Header values Node will send: printable latin-1 only. */
    const headerText = (maxLength: number) =>
      fc.string({
        unit: fc
          .oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa0, max: 0xff }))
          .map((c) => String.fromCharCode(c)),
        maxLength,
      });

    const idempotencyKey = fc.option(
      fc.oneof(
        fc.constantFrom('fuzz-1', 'fuzz-1', 'a'.repeat(100), 'a'.repeat(101), '', ' ', '../x'),
        headerText(40),
        headerText(400),
      ),
    );

    const anonymousAuth = fc.option(
      fc.constantFrom(
        'Bearer',
        'Bearer ',
        'Bearer x.y.z',
        'Basic ZnotYWRtaW46ZGVtbw==',
        'bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJmei1hZG1pbiIsInJvbGUiOiJBRE1JTiJ9.',
        `Bearer ${'a'.repeat(5000)}`,
      ),
    );

    const requestFor = (op: Operation) =>
      fc
        .record({
          caller: fc.constantFrom(...CALLERS.filter((c) => !excludeFor(op, c))),
          segments: fc.tuple(
            ...op.params.filter((p) => p.in === 'path').map((p) => pathValue(p.name)),
          ),
          query: query(op.params),
          body: op.hasBody ? body : fc.option(body, { freq: 4 }),
          contentType,
          idempotencyKey,
          anonymousAuth,
          extraHeader: fc.option(
            fc.tuple(fc.constantFrom('X-Forwarded-For', 'Accept'), headerText(60)),
          ),
        })
        .map((g): Sent => {
          let i = 0;
          const segs = g.segments;
          const path = op.path.replace(/\{[^}]+\}/g, () => segs[i++]) + g.query;
          const headers: Record<string, string> = {};
          if (g.caller === 'anonymous') {
            if (g.anonymousAuth) headers.authorization = g.anonymousAuth;
          } else headers.authorization = `Bearer ${auth[g.caller]}`;
          if (g.contentType) headers['content-type'] = g.contentType;
          if (g.idempotencyKey !== null) headers['idempotency-key'] = g.idempotencyKey;
          if (g.extraHeader) headers[g.extraHeader[0]] = g.extraHeader[1];
          let text = g.body ?? undefined;
          while (text !== undefined && Buffer.byteLength(text) > MAX_BODY_BYTES) {
            text = text.slice(0, Math.floor(text.length * 0.8)); // was 500: over 100 kB
          }
          return { caller: g.caller, method: op.method, path, headers, body: text };
        });

    return requestFor;
  }

  /**
   * Admin may load a calendar year, which moves every project's clock (P1's too) and is shared
   * with the other e2e files: that one operation is left to the callers it refuses.
   */
  function excludeFor(op: Operation, caller: FuzzCaller): boolean {
    return caller === 'admin' && op.method === 'PUT' && op.path.startsWith('/api/calendar/years');
  }

  // ---- properties ----------------------------------------------------------------------------

  it('answers every operation without a 5xx and with { statusCode, error, message } errors', async () => {
    expect(ops.length).toBeGreaterThanOrEqual(30);
    const requestFor = generators();
    const statuses: Record<string, number> = {};
    const failures: string[] = [];
    let sent = 0;
    for (const [n, op] of ops.entries()) {
      const t0 = Date.now();
      const sent0 = sent;
      try {
        await fc.assert(
          fc.asyncProperty(requestFor(op), async (r) => {
            const res = await send(base, agent, r);
            sent++;
            statuses[res.status] = (statuses[res.status] ?? 0) + 1;
            const where = `${r.method} ${r.path.slice(0, 300)} as ${r.caller} → ${res.status} ${res.text.slice(0, 300)}`;
            if (res.status >= 500) throw new Error(`server error: ${where}`);
            if (res.status >= 400) {
              const wrong = errorShape(res);
              if (wrong) throw new Error(`error body (${wrong}): ${where}`);
            }
          }),
          { seed: SEED + n, numRuns: RUNS_PER_OPERATION, endOnFailure: true },
        );
      } catch (err) {
        failures.push(`${op.method} ${op.path}: ${failureText(err)}`);
      }
      if (process.env.FUZZ_DEBUG)
        process.stdout.write(
          `[fuzz] ${op.method} ${op.path}: ${sent - sent0} requests in ${Date.now() - t0} ms\n`,
        );
    }
    process.stdout.write(
      `[fuzz] ${ops.length} operations, ${sent} requests, statuses ${JSON.stringify(statuses)}\n`,
    );
    expect(failures).toEqual([]);
    await request(h.url).get('/health').expect(200);
  });

  it('left P1 of org-f2 exactly as its owner saw it before (report, timeline, grants)', async () => {
    const after = await snapshot();
    expect((after as { timelineLength: number }).timelineLength).toBe(
      (before as { timelineLength: number }).timelineLength,
    );
    expect(after).toEqual(before);
  });

  /** A 4xx (exactly `status` when given) with the error body of the contract. */
  const expectNo500 = async (r: Omit<Sent, 'caller'>, status?: number) => {
    const res = await send(base, agent, { caller: 'anonymous', ...r });
    if (status !== undefined) expect(res.status).toBe(status);
    expect(res.status).toBeLessThan(500);
    expect(errorShape(res)).toBeUndefined();
  };

  // ---- regressions: 500s found by fuzzing (schemathesis), since fixed ------------------------

  it('fixed in d8b7db1: GET /api/projects?page=1e20 is a 400, not a bigint error', async () => {
    await expectNo500(
      {
        method: 'GET',
        path: '/api/projects?page=100000000000000000000',
        headers: as('supervisor'),
      },
      400,
    );
  });

  it('fixed in d8b7db1: JSON arrays nested 5,000 deep are a 400, not a stack overflow', async () => {
    await expectNo500(
      {
        method: 'POST',
        path: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        body: '['.repeat(5000) + ']'.repeat(5000),
      },
      400,
    );
  });

  // ---- was 500: product bugs found by fuzzing, kept out of the generators above ------------
  // (bodies stay under MAX_BODY_BYTES; the generators send no charset but UTF-8, no
  // Content-Encoding, and no form keys nested 33 deep).
  // Each case fails today: the API answers 500 for body-parser's own 4xx errors (AllExceptionsFilter
  // maps every non-HttpException that is not an outage to 500). When the product answers 4xx, Jest
  // reports the `it.failing` as failed: turn it into `it`, and for the first one drop
  // MAX_BODY_BYTES at the top of the file.

  it('was 500: a JSON body over 100 kB is a 413', async () => {
    await expectNo500(
      {
        method: 'POST',
        path: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'x'.repeat(200_000), password: 'x' }),
      },
      413,
    );
  });

  it('was 500: Content-Type charset=latin1 is a 415', async () => {
    await expectNo500({
      method: 'POST',
      path: '/api/auth/login',
      headers: { 'content-type': 'application/json; charset=latin1' },
      body: '{"username":"a","password":"b"}',
    });
  });

  it('was 500: Content-Encoding the server cannot decode is a 4xx', async () => {
    await expectNo500({
      method: 'POST',
      path: '/api/auth/login',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: '{"username":"a","password":"b"}',
    });
    await expectNo500({
      method: 'POST',
      path: '/api/auth/login',
      headers: { 'content-type': 'application/json', 'content-encoding': 'xyz' },
      body: '{"username":"a","password":"b"}',
    });
  });

  it('was 500: a form body nested deeper than 32 is a 400', async () => {
    await expectNo500(
      {
        method: 'POST',
        path: '/api/auth/login',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `a${'[b]'.repeat(40)}=1`,
      },
      400,
    );
  });
});
