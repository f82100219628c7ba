import request from 'supertest';
import { EXAMPLE_ANSWERS } from '../libs/domain/src';
import { handIn, Harness, startHarness, userToken } from './app-harness';

type Operation = {
  security?: unknown[];
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
  responses: Record<string, unknown>;
};

describe('OpenAPI document and Swagger UI at /docs, generated from the code (real HTTP)', () => {
  let h: Harness;
  let doc: {
    paths: Record<string, Record<string, Operation>>;
    components: {
      schemas: Record<
        string,
        { properties?: Record<string, { enum?: string[] }>; required?: string[] }
      >;
    };
  };

  beforeAll(async () => {
    h = await startHarness({}, { worker: false });
    doc = (await request(h.url).get('/docs/openapi.json').expect(200)).body;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('serves Swagger UI without a token', async () => {
    const ui = await request(h.url).get('/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger');
  });

  it('serves no /docs when API_DOCS is off (production’s default)', async () => {
    const off = await startHarness({ API_DOCS: '0' }, { worker: false });
    try {
      await request(off.url).get('/docs').redirects(1).expect(404);
      await request(off.url).get('/docs/openapi.json').expect(404);
      await request(off.url).get('/health').expect(200);
    } finally {
      await off.close();
    }
  });

  it('lists every endpoint of the contract (docs/design.md §6) with its method', () => {
    const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(ops).toEqual(
      expect.arrayContaining([
        'POST /api/auth/login',
        'GET /api/questionnaire',
        'POST /api/checklists',
        'POST /api/projects',
        'GET /api/projects',
        'GET /api/projects/{id}',
        'GET /api/projects/{id}/timeline',
        'POST /api/projects/{id}/stages/{stage}/submission',
        'POST /api/projects/{id}/stages/{stage}/acceptance',
        'GET /api/tasks',
        'POST /api/tasks/{taskId}/decision',
        'POST /api/projects/{id}/items/{itemCode}/supplement',
        'POST /api/projects/{id}/delegations',
        'DELETE /api/projects/{id}/delegations/{agentUsername}',
        'POST /api/mandates',
        'DELETE /api/mandates/{agentUsername}',
        'GET /api/calendar/working-days',
        'GET /api/calendar/add',
        'PUT /api/calendar/years/{year}',
        'GET /health',
      ]),
    );
  });

  it('describes bodies, queries, headers and errors so a client can be generated', () => {
    const decision = doc.components.schemas.DecisionDto;
    expect(decision.required).toEqual(['action']);
    expect(decision.properties!.action.enum).toContain('REQUEST_SUPPLEMENT');
    const create = doc.paths['/api/projects'].post;
    expect(create.requestBody!.content['application/json'].schema.$ref).toContain(
      'CreateProjectDto',
    );
    expect(create.parameters).toContainEqual(
      expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }),
    );
    expect(create.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/api/auth/login'].post.security).toBeUndefined();
    const list = doc.paths['/api/projects'].get.parameters!.map((p) => p.name);
    expect(list).toEqual(expect.arrayContaining(['page', 'pageSize', 'stage', 'risk', 'overdue']));
    expect(Object.keys(create.responses)).toEqual(
      expect.arrayContaining(['400', '401', '403', '409', '503']),
    );
  });
});

// ---- real answers against the schemas the document declares -------------------------------

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  nullable?: boolean;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: boolean | Schema;
  allOf?: Schema[];
}

/**
 * Where `value` strays from `schema`: a wrong type, a missing required field, a value outside
 * its enum, or a field the schema does not declare (the generated client would not know it).
 */
function mismatches(
  schemas: Record<string, Schema>,
  schema: Schema,
  value: unknown,
  at = '$',
): string[] {
  if (schema.$ref) return mismatches(schemas, schemas[schema.$ref.split('/').pop()!], value, at);
  if (value === null) return schema.nullable ? [] : [`${at}: null`];
  if (schema.enum && !schema.enum.includes(value))
    return [`${at}: ${JSON.stringify(value)} not in enum`];
  if (schema.allOf) return schema.allOf.flatMap((s) => mismatches(schemas, s, value, at));
  const type = schema.type ?? (schema.properties ? 'object' : undefined);
  switch (type) {
    case 'integer':
      return Number.isInteger(value) ? [] : [`${at}: ${JSON.stringify(value)} is not an integer`];
    case 'number':
    case 'string':
    case 'boolean':
      return typeof value === type ? [] : [`${at}: ${JSON.stringify(value)} is not a ${type}`];
    case 'array':
      if (!Array.isArray(value)) return [`${at}: not an array`];
      return value.flatMap((v, i) => mismatches(schemas, schema.items!, v, `${at}[${i}]`));
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: not an object`];
      const obj = value as Record<string, unknown>;
      const props = schema.properties ?? {};
      const out = (schema.required ?? [])
        .filter((k) => obj[k] === undefined)
        .map((k) => `${at}.${k}: missing`);
      for (const [k, v] of Object.entries(obj)) {
        if (props[k]) out.push(...mismatches(schemas, props[k], v, `${at}.${k}`));
        else if (typeof schema.additionalProperties === 'object') {
          out.push(...mismatches(schemas, schema.additionalProperties, v, `${at}.${k}`));
        } else if (schema.additionalProperties !== true) out.push(`${at}.${k}: not declared`);
      }
      return out;
    }
    default:
      return [`${at}: the schema declares no type`];
  }
}

describe('the answers of the routes match their declared response schemas (real stack)', () => {
  let h: Harness;
  let doc: {
    paths: Record<
      string,
      Record<
        string,
        { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }
      >
    >;
    components: { schemas: Record<string, Schema> };
  };
  const auth: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${auth[who]}` });
  const checked = new Set<string>();

  /** Sends, then checks the body against the schema of `route` for the status it got. */
  async function expectConforms(route: string, req: request.Test, status: number) {
    const res = await req;
    expect(res.status).toBe(status);
    const [method, path] = route.split(' ');
    const response = doc.paths[path]?.[method.toLowerCase()]?.responses[String(status)];
    const schema = response?.content?.['application/json']?.schema;
    expect({ route, status, declared: schema !== undefined }).toEqual({
      route,
      status,
      declared: true,
    });
    expect(mismatches(doc.components.schemas, schema!, res.body)).toEqual([]);
    checked.add(route);
    return res.body as Record<string, unknown>;
  }

  beforeAll(async () => {
    h = await startHarness();
    doc = (await request(h.url).get('/docs/openapi.json').expect(200)).body;
    const users = {
      applicant: { role: 'APPLICANT' as const, organisation: 'org-oa' },
      agent: { role: 'AGENT' as const },
      window: { role: 'WINDOW_OFFICER' as const },
      'officer.DRC': { role: 'REVIEWING_OFFICER' as const, department: 'DRC' },
      'officer.NRP': { role: 'REVIEWING_OFFICER' as const, department: 'NRP' },
      'head.DRC': { role: 'DEPARTMENT_HEAD' as const, department: 'DRC' },
      supervisor: { role: 'SUPERVISOR' as const },
      admin: { role: 'ADMIN' as const },
    };
    for (const [name, u] of Object.entries(users)) {
      auth[name] = await userToken(h, { username: `oa-${name}`, ...u });
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  it('for a project walked through its first stage, and the routes around it', async () => {
    await expectConforms(
      'POST /api/auth/login',
      request(h.url)
        .post('/api/auth/login')
        .send({ username: 'oa-admin', password: 'pw-oa-admin' }),
      200,
    );
    await expectConforms(
      'GET /api/auth/me',
      request(h.url).get('/api/auth/me').set(as('head.DRC')),
      200,
    );
    await expectConforms('GET /health', request(h.url).get('/health'), 200);
    await expectConforms(
      'GET /api/questionnaire',
      request(h.url).get('/api/questionnaire').set(as('applicant')),
      200,
    );
    await expectConforms(
      'POST /api/checklists',
      request(h.url)
        .post('/api/checklists')
        .set(as('applicant'))
        .send({ answers: EXAMPLE_ANSWERS.warehouse }),
      200,
    );

    const created = await expectConforms(
      'POST /api/projects',
      request(h.url)
        .post('/api/projects')
        .set(as('applicant'))
        .send({ name: `契约-${Date.now()}`, answers: EXAMPLE_ANSWERS.warehouse }),
      201,
    );
    const id = created.id as string;
    const byId = (suffix = '') => `/api/projects/${id}${suffix}`;
    await handIn(h, auth['applicant'], id, 'PLAN');
    await request(h.url)
      .post(byId('/stages/PLAN/submission'))
      .set(as('applicant'))
      .send({})
      .expect(200);
    const accepted = await expectConforms(
      'POST /api/projects/{id}/stages/{stage}/acceptance',
      request(h.url)
        .post(byId('/stages/PLAN/acceptance'))
        .set(as('window'))
        .send({ decision: 'ACCEPT' }),
      200,
    );
    type Item = { code: string; department: string; taskId: string; status: string };
    const items = (accepted.stages as { themes: { items: Item[] }[] }[])[0].themes.flatMap(
      (t) => t.items,
    );
    const [drc, drc2] = items.filter((i) => i.department === 'DRC' && i.status === 'UNDER_REVIEW');
    const nrp = items.find((i) => i.department === 'NRP' && i.status === 'UNDER_REVIEW')!;
    // A supplement request (an open pause), an acceptance with a deficiency, a joint procedure.
    await expectConforms(
      'POST /api/tasks/{taskId}/decision',
      request(h.url)
        .post(`/api/tasks/${drc.taskId}/decision`)
        .set(as('officer.DRC'))
        .send({ action: 'REQUEST_SUPPLEMENT', comment: '补正' }),
      200,
    );
    if (drc2) {
      await request(h.url)
        .post(`/api/tasks/${drc2.taskId}/decision`)
        .set(as('officer.DRC'))
        .send({
          action: 'ACCEPT_WITH_DEFICIENCY',
          deficiency: { description: '缺件', dueDate: '2099-01-04' },
        })
        .expect(200);
    }
    await request(h.url)
      .post(`/api/tasks/${nrp.taskId}/decision`)
      .set(as('officer.NRP'))
      .send({ action: 'APPROVE' })
      .expect(200);
    await request(h.url)
      .post(byId('/joint-procedures'))
      .set(as('window'))
      .send({ type: 'SITE_SURVEY', date: '2099-12-01' });

    const report = await expectConforms(
      'GET /api/projects/{id}',
      request(h.url).get(byId()).set(as('applicant')),
      200,
    );
    const reportItems = (report.stages as { themes: { items: { pause: unknown }[] }[] }[])
      .flatMap((s) => s.themes)
      .flatMap((t) => t.items);
    expect(reportItems.some((i) => i.pause !== null)).toBe(true);
    await expectConforms(
      'GET /api/projects',
      request(h.url).get('/api/projects').set(as('applicant')),
      200,
    );
    await expectConforms(
      'GET /api/projects/{id}/timeline',
      request(h.url).get(byId('/timeline')).set(as('applicant')),
      200,
    );
    await expectConforms(
      'GET /api/tasks',
      request(h.url).get(`/api/tasks?projectId=${id}`).set(as('officer.DRC')),
      200,
    );
    await expectConforms(
      'GET /api/escalations',
      request(h.url).get('/api/escalations').set(as('supervisor')),
      200,
    );
    await expectConforms(
      'POST /api/projects/{id}/delegations',
      request(h.url)
        .post(byId('/delegations'))
        .set(as('applicant'))
        .send({ agentUsername: 'oa-agent' }),
      201,
    );
    await request(h.url).delete(byId('/delegations/oa-agent')).set(as('applicant')).expect(204);
    await expectConforms(
      'GET /api/projects/{id}/delegations',
      request(h.url).get(byId('/delegations')).set(as('applicant')),
      200,
    );
    await expectConforms(
      'POST /api/mandates',
      request(h.url).post('/api/mandates').set(as('applicant')).send({ agentUsername: 'oa-agent' }),
      201,
    );
    await expectConforms(
      'GET /api/mandates',
      request(h.url).get('/api/mandates').set(as('agent')),
      200,
    );
    await expectConforms(
      'GET /api/calendar/working-days',
      request(h.url)
        .get('/api/calendar/working-days?from=2026-01-01&to=2026-02-01')
        .set(as('agent')),
      200,
    );
    await expectConforms(
      'GET /api/calendar/add',
      request(h.url).get('/api/calendar/add?from=2026-01-01&days=3').set(as('agent')),
      200,
    );
    await expectConforms(
      'GET /api/calendar/years',
      request(h.url).get('/api/calendar/years').set(as('agent')),
      200,
    );
    await expectConforms(
      'GET /api/projects/{id}/stages/{stage}/receipt',
      request(h.url).get(byId('/stages/PLAN/receipt')).set(as('applicant')),
      200,
    );
    await expectConforms(
      'GET /api/projects/{id}/items/{itemCode}/result',
      request(h.url)
        .get(byId(`/items/${nrp.code}/result`))
        .set(as('applicant')),
      200,
    );
    expect(checked.size).toBe(22);
  });

  it('declares a response schema for every route that answers a body', () => {
    const bodiless = new Set(['DELETE']);
    const missing = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([method]) => !bodiless.has(method.toUpperCase()))
        .filter(([, op]) =>
          Object.entries(op.responses).every(
            // JSON, or a file's bytes under their own media type (GET /api/files/{fileId}).
            ([code, r]) =>
              !code.startsWith('2') || !Object.values(r.content ?? {}).some((c) => c.schema),
          ),
        )
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(missing).toEqual([]);
  });
});
