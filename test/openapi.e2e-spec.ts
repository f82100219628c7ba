import request from 'supertest';
import { Harness, startHarness } from './app-harness';

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

  it('lists every endpoint of the contract (DESIGN section 6) with its method', () => {
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
