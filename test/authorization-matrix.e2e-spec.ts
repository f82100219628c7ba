/**
 * Every endpoint × every role, on one project (P1, organisation org-m1, involving DRC and not
 * GAS), from its owner's side and from outside: who passes, who is refused by role (403), who
 * is told the project does not exist (404), and that nobody refused changed anything.
 */
import request from 'supertest';
import { samplePdf } from '../libs/client/src';
import { handIn, Harness, startHarness, userToken } from './app-harness';
import { EXAMPLE_ANSWERS } from '../libs/domain/src';
import { SEED_VERSION_ID } from '../apps/api/src/catalog/catalogue-versions.service';

const warehouse = EXAMPLE_ANSWERS.warehouse;

const CALLERS = [
  'anonymous',
  'applicant', // owner (org-m1)
  'applicant2', // another organisation (org-m2)
  'agent', // delegated P1
  'agent2', // no delegation, no mandate
  'window',
  'officer.DRC', // department involved in P1
  'officer.GAS', // department not involved
  'head.DRC',
  'head.GAS',
  'supervisor',
  'admin',
  'centre', // the service centre: sees every project, flags key ones, assigns specialists
] as const;
type Caller = (typeof CALLERS)[number];

interface Row {
  name: string;
  send: (h: Harness, auth: Record<string, string>) => request.Test;
  /** Callers that pass authorization, and the statuses they may get (the state decides). */
  ok: Partial<Record<Caller, number[]>>;
  /** Callers told 404: the project (or task) is not theirs to know. */
  hidden?: Caller[];
  /** For list endpoints: whether P1 is in the caller's answer. */
  sees?: (body: unknown) => boolean;
  public?: boolean;
}

const SIGNED_IN: Caller[] = CALLERS.filter((c) => c !== 'anonymous');
const all = (statuses: number[]) =>
  Object.fromEntries(SIGNED_IN.map((c) => [c, statuses])) as Partial<Record<Caller, number[]>>;
const APPLICANT_SIDE = { applicant: [409], agent: [409] };
const OUTSIDERS_OF_P1: Caller[] = ['applicant2', 'agent2'];

describe('authorization matrix: every endpoint with every role, own and foreign (real stack)', () => {
  let h: Harness;
  const auth: Record<string, string> = {};
  let p1: string;
  let p1Name: string;
  let drcTask: string;
  let drcItem: string;
  const before: { events: number } = { events: 0 };

  beforeAll(async () => {
    h = await startHarness();
    const users = {
      applicant: { role: 'APPLICANT' as const, organisation: 'org-m1' },
      applicant2: { role: 'APPLICANT' as const, organisation: 'org-m2' },
      agent: { role: 'AGENT' as const },
      agent2: { role: 'AGENT' as const },
      agent3: { role: 'AGENT' as const },
      window: { role: 'WINDOW_OFFICER' as const },
      'officer.DRC': { role: 'REVIEWING_OFFICER' as const, department: 'DRC' },
      'officer.GAS': { role: 'REVIEWING_OFFICER' as const, department: 'GAS' },
      'head.DRC': { role: 'DEPARTMENT_HEAD' as const, department: 'DRC' },
      'head.GAS': { role: 'DEPARTMENT_HEAD' as const, department: 'GAS' },
      supervisor: { role: 'SUPERVISOR' as const },
      admin: { role: 'ADMIN' as const },
      centre: { role: 'SERVICE_CENTRE' as const },
      specialist: { role: 'AGENT' as const, agentTeam: true },
    };
    for (const [name, u] of Object.entries(users)) {
      auth[name] = await userToken(h, { username: `m-${name}`, ...u });
    }
    const as = (who: string) => ({ Authorization: `Bearer ${auth[who]}` });
    p1Name = `矩阵仓库-${Date.now()}`;
    p1 = (
      await request(h.url)
        .post('/api/projects')
        .set(as('applicant'))
        .send({ name: p1Name, answers: warehouse })
        .expect(201)
    ).body.id as string;
    await request(h.url)
      .post(`/api/projects/${p1}/delegations`)
      .set(as('applicant'))
      .send({ agentUsername: 'm-agent' })
      .expect(201);
    await handIn(h, auth['applicant'], p1, 'PLAN');
    await request(h.url)
      .post(`/api/projects/${p1}/stages/PLAN/submission`)
      .set(as('applicant'))
      .send({})
      .expect(200);
    const accepted = await request(h.url)
      .post(`/api/projects/${p1}/stages/PLAN/acceptance`)
      .set(as('window'))
      .send({ decision: 'ACCEPT' })
      .expect(200);
    const items = (
      accepted.body as {
        stages: {
          themes: {
            items: { code: string; department: string; status: string; taskId: string }[];
          }[];
        }[];
      }
    ).stages[0].themes.flatMap((t) => t.items);
    const drc = items.find((i) => i.department === 'DRC' && i.status === 'UNDER_REVIEW')!;
    expect(items.some((i) => i.department === 'GAS')).toBe(false);
    drcTask = drc.taskId;
    drcItem = drc.code;
    await request(h.url)
      .post(`/api/tasks/${drcTask}/decision`)
      .set(as('officer.DRC'))
      .send({ action: 'APPROVE' })
      .expect(200);
    before.events = (
      await request(h.url).get(`/api/projects/${p1}/timeline`).set(as('supervisor')).expect(200)
    ).body.items.length;
  });
  afterAll(async () => {
    await h?.close();
  });

  const url = (path: string) => path.replace(':p1', () => p1);
  const listed = (body: unknown) =>
    ((body as { items: { id?: string; projectId?: string }[] }).items ?? []).some(
      (i) => (i.id ?? i.projectId) === p1,
    );

  // Who may see P1 at all: reads answer 200 for them and 404 for the others.
  const SEES_P1: Caller[] = [
    'applicant',
    'agent',
    'window',
    'officer.DRC',
    'head.DRC',
    'supervisor',
    'admin',
    'centre',
  ];

  const rows: Row[] = [
    {
      name: 'GET /health',
      public: true,
      send: (h) => request(h.url).get('/health'),
      ok: { anonymous: [200, 503], ...all([200, 503]) },
    },
    {
      name: 'GET /docs/openapi.json',
      public: true,
      send: (h) => request(h.url).get('/docs/openapi.json'),
      ok: { anonymous: [200], ...all([200]) },
    },
    {
      // An unknown user each time: wrong passwords of one account would lock it.
      name: 'POST /api/auth/login (wrong password)',
      public: true,
      send: (h) =>
        request(h.url)
          .post('/api/auth/login')
          .send({ username: `m-nobody-${Math.random()}`, password: 'x' }),
      ok: { anonymous: [401], ...all([401]) },
    },
    {
      name: 'GET /api/auth/me',
      send: (h) => request(h.url).get('/api/auth/me'),
      ok: all([200]),
    },
    {
      name: 'GET /api/auth/demo-accounts',
      public: true,
      send: (h) => request(h.url).get('/api/auth/demo-accounts'),
      ok: { anonymous: [200], ...all([200]) },
    },
    {
      name: 'GET /api/questionnaire',
      send: (h) => request(h.url).get('/api/questionnaire'),
      ok: all([200]),
    },
    {
      name: 'GET /api/departments',
      send: (h) => request(h.url).get('/api/departments'),
      ok: all([200]),
    },
    {
      // Whom each may name: the directory e2e checks an applicant never reads another's people.
      name: 'GET /api/directory',
      send: (h) => request(h.url).get('/api/directory'),
      ok: all([200]),
    },
    {
      name: 'GET /api/submissions',
      send: (h) => request(h.url).get('/api/submissions'),
      ok: { window: [200], supervisor: [200] },
    },
    {
      name: 'POST /api/checklists',
      send: (h) => request(h.url).post('/api/checklists').send({ answers: warehouse }),
      ok: all([200]),
    },
    {
      name: 'GET /api/calendar/working-days',
      send: (h) => request(h.url).get('/api/calendar/working-days?from=2026-01-01&to=2026-02-01'),
      ok: all([200]),
    },
    {
      name: 'GET /api/calendar/add',
      send: (h) => request(h.url).get('/api/calendar/add?from=2026-01-01&days=3'),
      ok: all([200]),
    },
    {
      name: 'GET /api/calendar/years',
      send: (h) => request(h.url).get('/api/calendar/years'),
      ok: all([200]),
    },
    {
      name: 'PUT /api/calendar/years/:year (invalid body: passes the role check only)',
      send: (h) => request(h.url).put('/api/calendar/years/2027').send({ holidays: 'x' }),
      ok: { admin: [400] },
    },
    {
      name: 'GET /api/regions',
      send: (h) => request(h.url).get('/api/regions'),
      ok: all([200]),
    },
    {
      name: 'POST /api/admin/regions (unknown parent: passes the role check only)',
      send: (h) =>
        request(h.url)
          .post('/api/admin/regions')
          .send({ code: '990100', name: 'x', parent: '990000' }),
      ok: { admin: [400] },
    },
    {
      name: 'GET /api/catalogue/schema',
      send: (h) => request(h.url).get('/api/catalogue/schema'),
      ok: all([200]),
    },
    {
      name: 'POST /api/catalogue/versions (invalid document: passes the role check only)',
      send: (h) => request(h.url).post('/api/catalogue/versions').send({ version: 'x' }),
      ok: { admin: [400] },
    },
    {
      name: 'GET /api/catalogue/versions',
      send: (h) => request(h.url).get('/api/catalogue/versions?region=CN'),
      ok: { admin: [200] },
    },
    {
      name: 'GET /api/catalogue/versions/:id (the built-in seed)',
      send: (h) => request(h.url).get(`/api/catalogue/versions/${SEED_VERSION_ID}`),
      ok: { admin: [200] },
    },
    {
      name: 'POST /api/catalogue/versions/:id/publish (the seed, already published)',
      send: (h) =>
        request(h.url)
          .post(`/api/catalogue/versions/${SEED_VERSION_ID}/publish`)
          .send({ effectiveFrom: '2026-01-01' }),
      ok: { admin: [409] },
    },
    {
      name: 'PUT /api/catalogue/versions/:id/items/:code (the seed, published)',
      send: (h) =>
        request(h.url)
          .put(`/api/catalogue/versions/${SEED_VERSION_ID}/items/PROJECT_PROPOSAL`)
          .send({ name: 'x' }),
      ok: { admin: [409] },
    },
    {
      name: 'GET /api/catalogue/versions/:a/diff/:b',
      send: (h) =>
        request(h.url).get(`/api/catalogue/versions/${SEED_VERSION_ID}/diff/${SEED_VERSION_ID}`),
      ok: { admin: [200] },
    },
    {
      name: 'GET /api/projects',
      send: (h) => request(h.url).get(`/api/projects?q=${encodeURIComponent(p1Name)}`),
      ok: all([200]),
      sees: listed,
    },
    {
      name: 'POST /api/projects (for org-m1)',
      send: (h) =>
        request(h.url)
          .post('/api/projects')
          .set('Idempotency-Key', `matrix-create`)
          .send({ name: 'x', answers: warehouse, ownerOrganisation: 'org-m1' }),
      ok: { applicant: [201], admin: [201] },
    },
    {
      name: 'GET /api/projects/:id',
      send: (h) => request(h.url).get(url('/api/projects/:p1')),
      ok: {},
    },
    {
      name: 'GET /api/projects/:id/timeline',
      send: (h) => request(h.url).get(url('/api/projects/:p1/timeline')),
      ok: {},
    },
    {
      name: 'GET /api/projects/:id/contact',
      send: (h) => request(h.url).get(url('/api/projects/:p1/contact')),
      ok: {},
    },
    {
      name: 'POST …/hand-over (to someone who is not a window officer)',
      send: (h) =>
        request(h.url)
          .post(url('/api/projects/:p1/hand-over'))
          .send({ toWindow: 'm-officer.DRC', reason: 'x' }),
      // The window accepted PLAN (the contact) and the supervisor may: both told the field.
      ok: { window: [400], supervisor: [400] },
    },
    {
      name: 'POST …/stages/:stage/submission',
      send: (h) =>
        request(h.url).post(url('/api/projects/:p1/stages/START_PERMIT/submission')).send({}),
      ok: APPLICANT_SIDE,
      hidden: OUTSIDERS_OF_P1,
    },
    {
      name: 'POST …/stages/:stage/pre-review (a stage that does not follow)',
      send: (h) =>
        request(h.url).post(url('/api/projects/:p1/stages/COMPLETION/pre-review')).send({}),
      ok: APPLICANT_SIDE,
      hidden: OUTSIDERS_OF_P1,
    },
    {
      name: 'POST …/stages/:stage/acceptance',
      send: (h) =>
        request(h.url)
          .post(url('/api/projects/:p1/stages/START_PERMIT/acceptance'))
          .send({ decision: 'ACCEPT' }),
      ok: { window: [409] },
    },
    ...['supplement', 'resubmission', 'deficiency-delivery', 'withdrawal'].map((action): Row => ({
      name: `POST …/items/:itemCode/${action} (an approved item)`,
      send: (h) =>
        request(h.url)
          .post(url(`/api/projects/:p1/items/${drcItem}/${action}`))
          .send({}),
      ok: APPLICANT_SIDE,
      hidden: OUTSIDERS_OF_P1,
    })),
    {
      name: 'POST …/items/:itemCode/extension (an approved item)',
      send: (h) =>
        request(h.url)
          .post(url(`/api/projects/:p1/items/${drcItem}/extension`))
          .send({ days: 1, reason: 'r' }),
      ok: { 'head.DRC': [409] },
      hidden: ['head.GAS'],
    },
    {
      name: 'POST …/joint-procedures (none fits the stage)',
      send: (h) =>
        request(h.url)
          .post(url('/api/projects/:p1/joint-procedures'))
          .send({ type: 'ACCEPTANCE', date: '2099-12-01' }),
      ok: { window: [409] },
    },
    {
      name: 'POST …/joint-procedures/:id/result (unknown procedure)',
      send: (h) =>
        request(h.url)
          .post(
            url('/api/projects/:p1/joint-procedures/00000000-0000-4000-8000-000000000000/result'),
          )
          .send({ passed: true }),
      ok: { 'officer.DRC': [404] }, // the workflow's "joint procedure … does not exist"
      hidden: ['officer.GAS'],
    },
    {
      name: 'GET /api/tasks',
      send: (h) => request(h.url).get(url('/api/tasks?projectId=:p1')),
      ok: { 'officer.DRC': [200], 'officer.GAS': [200] },
      sees: listed,
    },
    {
      name: 'POST /api/tasks/:taskId/decision (an approved item)',
      send: (h) =>
        request(h.url).post(`/api/tasks/${drcTask}/decision`).send({ action: 'APPROVE' }),
      ok: { 'officer.DRC': [409] },
      hidden: ['officer.GAS'],
    },
    {
      name: 'POST /api/tasks/:taskId/check (an item approved without a commitment)',
      send: (h) => request(h.url).post(`/api/tasks/${drcTask}/check`).send({ passed: true }),
      ok: { 'officer.DRC': [409] },
      hidden: ['officer.GAS'],
    },
    {
      name: 'POST /api/tasks/:taskId/pre-review-comment (an approved item)',
      send: (h) =>
        request(h.url).post(`/api/tasks/${drcTask}/pre-review-comment`).send({ comment: 'c' }),
      ok: { 'officer.DRC': [409] },
      hidden: ['officer.GAS'],
    },
    {
      name: 'GET /api/escalations',
      send: (h) => request(h.url).get('/api/escalations'),
      ok: { 'head.DRC': [200], 'head.GAS': [200], supervisor: [200] },
    },
    {
      name: 'GET /api/statistics',
      send: (h) => request(h.url).get('/api/statistics'),
      ok: { 'head.DRC': [200], 'head.GAS': [200], supervisor: [200], centre: [200] },
    },
    {
      name: 'GET /api/statistics (department=DRC: a head of another department is refused)',
      send: (h) => request(h.url).get('/api/statistics?department=DRC&format=csv'),
      ok: { 'head.DRC': [200], supervisor: [200], centre: [200] },
    },
    {
      name: 'GET …/delegations',
      send: (h) => request(h.url).get(url('/api/projects/:p1/delegations')),
      ok: { applicant: [200], supervisor: [200], admin: [200] },
      hidden: ['applicant2'],
    },
    {
      name: 'POST …/delegations (already granted)',
      send: (h) =>
        request(h.url)
          .post(url('/api/projects/:p1/delegations'))
          .send({ agentUsername: 'm-agent' }),
      ok: { applicant: [200] },
      hidden: ['applicant2'],
    },
    {
      name: 'DELETE …/delegations/:agent (none held)',
      send: (h) => request(h.url).delete(url('/api/projects/:p1/delegations/m-agent2')),
      ok: { applicant: [404] }, // "agent m-agent2 holds no delegation of this project"
      hidden: ['applicant2'],
    },
    {
      // A running project rewrites its read model: no event, no change a later check sees.
      name: 'POST …/read-model/rebuild',
      send: (h) => request(h.url).post(url('/api/projects/:p1/read-model/rebuild')),
      ok: { admin: [200] },
    },
    {
      name: 'POST /api/admin/read-models/rebuild',
      send: (h) => request(h.url).post('/api/admin/read-models/rebuild'),
      ok: { admin: [200] },
    },
    {
      name: 'GET /api/projects/:id/requirements',
      send: (h) => request(h.url).get(url('/api/projects/:p1/requirements')),
      ok: {},
    },
    {
      name: 'GET /api/projects/:id/materials',
      send: (h) => request(h.url).get(url('/api/projects/:p1/materials')),
      ok: {},
    },
    {
      name: 'POST /api/checklists/requirements',
      send: (h) => request(h.url).post('/api/checklists/requirements').send({ answers: warehouse }),
      ok: all([200]),
    },
    {
      // PLAN was accepted: its materials' round is closed.
      name: 'POST …/items/:itemCode/materials/:material/files (round closed)',
      send: (h) =>
        request(h.url)
          .post(url(`/api/projects/:p1/items/${drcItem}/materials/FILING_FORM/files`))
          .attach('file', Buffer.from(samplePdf()), 'a.pdf'),
      ok: { applicant: [409], agent: [409] },
      hidden: OUTSIDERS_OF_P1,
    },
    {
      name: 'DELETE …/items/:itemCode/materials/:material/files/:fileId (round closed)',
      send: (h) =>
        request(h.url).delete(
          url(
            `/api/projects/:p1/items/${drcItem}/materials/FILING_FORM/files/00000000-0000-4000-8000-000000000000`,
          ),
        ),
      ok: { applicant: [409], agent: [409] },
      hidden: OUTSIDERS_OF_P1,
    },
    {
      name: 'GET /api/files/:fileId (a file nobody has)',
      send: (h) => request(h.url).get('/api/files/00000000-0000-4000-8000-000000000000'),
      ok: all([404]),
    },
    {
      name: 'POST /api/tasks/:taskId/materials/:material/review (an approved item)',
      send: (h) =>
        request(h.url)
          .post(`/api/tasks/${drcTask}/materials/FILING_FORM/review`)
          .send({ verdict: 'ACCEPTED' }),
      ok: { 'officer.DRC': [409] },
      hidden: ['officer.GAS'],
    },
    {
      name: 'GET /api/mandates',
      send: (h) => request(h.url).get('/api/mandates'),
      ok: {
        applicant: [200],
        applicant2: [200],
        agent: [200],
        agent2: [200],
        supervisor: [200],
        admin: [200],
      },
    },
    {
      name: 'POST /api/mandates (to an agent outside the matrix)',
      send: (h) => request(h.url).post('/api/mandates').send({ agentUsername: 'm-agent3' }),
      ok: { applicant2: [200, 201], applicant: [200, 201] },
    },
    {
      name: 'DELETE /api/mandates/:agent',
      send: (h) => request(h.url).delete('/api/mandates/m-agent3'),
      ok: { applicant: [204, 404], applicant2: [204, 404] },
    },
    {
      name: 'GET /api/notices',
      send: (h) => request(h.url).get('/api/notices'),
      ok: all([200]),
    },
    {
      name: 'POST /api/notices/:id/read (a notice nobody has)',
      send: (h) => request(h.url).post('/api/notices/00000000-0000-4000-8000-000000000000:1/read'),
      ok: all([404]),
    },
    {
      name: 'POST /api/notices/read-all',
      send: (h) => request(h.url).post('/api/notices/read-all'),
      ok: all([200]),
    },
    {
      name: 'GET /api/auth/me/mail',
      send: (h) => request(h.url).get('/api/auth/me/mail'),
      ok: all([200]),
    },
    {
      name: 'PATCH /api/auth/me (invalid body: passes the sign-in check only)',
      send: (h) => request(h.url).patch('/api/auth/me').send({ email: 'x' }),
      ok: all([400]),
    },
    {
      name: 'POST /api/auth/refresh (unknown refresh token)',
      public: true,
      send: (h) =>
        request(h.url)
          .post('/api/auth/refresh')
          .send({ refreshToken: 'x'.repeat(43) }),
      ok: { anonymous: [401], ...all([401]) },
    },
    {
      name: 'POST /api/auth/logout (unknown refresh token)',
      public: true,
      send: (h) =>
        request(h.url)
          .post('/api/auth/logout')
          .send({ refreshToken: 'x'.repeat(43) }),
      ok: { anonymous: [200], ...all([200]) },
    },
    {
      name: 'POST /api/auth/password (invalid body: passes the sign-in check only)',
      send: (h) => request(h.url).post('/api/auth/password').send({}),
      ok: all([400]),
    },
    {
      name: 'GET /api/admin/organisations',
      send: (h) => request(h.url).get('/api/admin/organisations'),
      ok: { admin: [200] },
    },
    {
      name: 'POST /api/admin/organisations (wrong credit code)',
      send: (h) =>
        request(h.url)
          .post('/api/admin/organisations')
          .send({ name: 'x', creditCode: '91350100M000100Y44' }),
      ok: { admin: [400] },
    },
    {
      name: 'GET /api/admin/users',
      send: (h) => request(h.url).get('/api/admin/users?q=m-'),
      ok: { admin: [200] },
    },
    {
      name: 'POST /api/admin/users (an applicant without organisation)',
      send: (h) =>
        request(h.url)
          .post('/api/admin/users')
          .send({ username: 'm-misfit', displayName: 'x', role: 'APPLICANT' }),
      ok: { admin: [400] },
    },
    {
      name: 'PATCH /api/admin/users/:username (unknown user)',
      send: (h) => request(h.url).patch('/api/admin/users/m-nobody').send({ disabled: true }),
      ok: { admin: [404] },
    },
    {
      name: 'PATCH …/master-data (PLAN accepted: no longer)',
      send: (h) =>
        request(h.url).patch(url('/api/projects/:p1/master-data')).send({ address: 'x' }),
      ok: { applicant: [409], agent: [409], admin: [409] },
      hidden: OUTSIDERS_OF_P1,
    },
    {
      name: 'GET /api/exchange/status',
      send: (h) => request(h.url).get('/api/exchange/status'),
      ok: { admin: [200], supervisor: [200] },
    },
    {
      name: 'GET /api/exchange/reconciliation',
      send: (h) => request(h.url).get('/api/exchange/reconciliation'),
      // 400 where the harness runs without the exchange.
      ok: { admin: [200, 400], supervisor: [200, 400] },
    },
    {
      name: 'GET /api/exchange/rows',
      send: (h) => request(h.url).get(url('/api/exchange/rows?projectId=:p1')),
      ok: { admin: [200] },
    },
    {
      name: 'POST /api/exchange/resend (neither project nor range)',
      send: (h) => request(h.url).post('/api/exchange/resend').send({}),
      ok: { admin: [400] },
    },
    {
      name: 'GET /api/audit',
      send: (h) => request(h.url).get('/api/audit?limit=5'),
      ok: { admin: [200], supervisor: [200] },
    },
    {
      name: 'GET …/stages/:stage/receipt',
      send: (h) => request(h.url).get(url('/api/projects/:p1/stages/PLAN/receipt')),
      ok: {},
    },
    {
      name: 'GET …/stages/:stage/receipt (as a PDF)',
      send: (h) =>
        request(h.url)
          .get(url('/api/projects/:p1/stages/PLAN/receipt'))
          .set('Accept', 'application/pdf'),
      ok: {},
    },
    {
      name: 'GET …/items/:itemCode/result (an approved item)',
      send: (h) => request(h.url).get(url(`/api/projects/:p1/items/${drcItem}/result`)),
      ok: {},
    },
    {
      name: 'POST …/key',
      send: (h) => request(h.url).post(url('/api/projects/:p1/key')).send({ reason: 'matrix' }),
      ok: { supervisor: [200], centre: [200] },
    },
    {
      name: 'DELETE …/key',
      send: (h) => request(h.url).delete(url('/api/projects/:p1/key')),
      ok: { supervisor: [204, 404], centre: [204, 404] },
    },
    {
      name: 'POST …/specialist',
      send: (h) =>
        request(h.url).post(url('/api/projects/:p1/specialist')).send({ username: 'm-specialist' }),
      ok: { centre: [201] },
    },
    {
      // The owner declines: the specialist never gains power over P1.
      name: 'POST …/specialist/consent',
      send: (h) =>
        request(h.url).post(url('/api/projects/:p1/specialist/consent')).send({ accept: false }),
      ok: { applicant: [200] },
      hidden: ['applicant2'],
    },
    {
      name: 'GET …/plan',
      send: (h) => request(h.url).get(url('/api/projects/:p1/plan')),
      ok: {},
    },
    {
      // The delegated agent is not the specialist: refused; an agent who does not see P1: 404.
      name: 'PUT …/plan',
      send: (h) => request(h.url).put(url('/api/projects/:p1/plan')).send({ targets: [] }),
      ok: {},
      hidden: ['agent2'],
    },
    {
      name: 'POST …/withdrawal (last: it ends P1)',
      send: (h) =>
        request(h.url).post(url('/api/projects/:p1/withdrawal')).send({ reason: 'matrix' }),
      ok: { applicant: [200, 409], agent: [200, 409] },
      hidden: OUTSIDERS_OF_P1,
    },
    // Ratings come after the withdrawal on purpose: a decided item is rated after its project closed.
    {
      name: 'POST …/items/:itemCode/rating (the approved item; once per round)',
      send: (h) =>
        request(h.url)
          .post(url(`/api/projects/:p1/items/${drcItem}/rating`))
          .send({ score: 2, comment: 'matrix' }),
      ok: { applicant: [201, 409], agent: [201, 409] },
      hidden: OUTSIDERS_OF_P1,
    },
    {
      name: 'GET …/ratings',
      send: (h) => request(h.url).get(url('/api/projects/:p1/ratings')),
      ok: Object.fromEntries(SEES_P1.map((c) => [c, [200]])),
      hidden: ['applicant2', 'agent2', 'officer.GAS', 'head.GAS'],
    },
    {
      name: 'GET /api/rectifications',
      send: (h) => request(h.url).get('/api/rectifications'),
      ok: {
        applicant: [200],
        applicant2: [200],
        agent: [200],
        agent2: [200],
        'head.DRC': [200],
        'head.GAS': [200],
        supervisor: [200],
      },
    },
    {
      name: 'POST /api/rectifications/:id/response (unknown rectification)',
      send: (h) =>
        request(h.url)
          .post('/api/rectifications/00000000-0000-4000-8000-000000000000/response')
          .send({ note: 'n' }),
      ok: { 'head.DRC': [404], 'head.GAS': [404] },
    },
    {
      name: 'POST /api/rectifications/:id/confirmation (unknown rectification)',
      send: (h) =>
        request(h.url)
          .post('/api/rectifications/00000000-0000-4000-8000-000000000000/confirmation')
          .send({ satisfied: true }),
      ok: { applicant: [404], applicant2: [404], agent: [404], agent2: [404] },
    },
  ];

  for (const r of rows) {
    if (
      r.name === 'GET /api/projects/:id' ||
      r.name === 'GET /api/projects/:id/timeline' ||
      r.name === 'GET /api/projects/:id/contact' ||
      r.name === 'GET /api/projects/:id/requirements' ||
      r.name === 'GET /api/projects/:id/materials' ||
      r.name === 'GET …/plan' ||
      /^GET …\/(stages\/:stage\/receipt|items\/:itemCode\/result)/.test(r.name)
    ) {
      r.ok = Object.fromEntries(SEES_P1.map((c) => [c, [200]]));
      r.hidden = SIGNED_IN.filter((c) => !SEES_P1.includes(c));
    }
    if (r.name === 'GET /api/projects') r.sees = listed;
  }

  it.each(rows.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
    const seen: string[] = [];
    const wrong: string[] = [];
    for (const caller of CALLERS) {
      const req = row.send(h, auth);
      if (caller !== 'anonymous') void req.set('Authorization', `Bearer ${auth[caller]}`);
      const res = await req;
      const okStatuses = row.ok[caller];
      let expected: string;
      if (caller === 'anonymous' && !row.public) expected = '401';
      else if (okStatuses) expected = okStatuses.join('|');
      else if (row.hidden?.includes(caller)) expected = '404';
      else expected = '403';
      seen.push(`${caller}:${res.status}`);
      if (!expected.split('|').includes(String(res.status))) {
        wrong.push(
          `${caller}: expected ${expected}, got ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`,
        );
        continue;
      }
      if (res.status === 404 && row.hidden?.includes(caller)) {
        // "not found" of the project or task itself, not a deeper 404 that would reveal it.
        expect(String(res.body.message)).toMatch(
          /^(project|task|item) \S+ (of department \S+ )?not found$/,
        );
      }
      if (res.status === 500) wrong.push(`${caller}: 500`);
      if (row.sees && res.status === 200) {
        const shouldSee =
          SEES_P1.includes(caller) && (row.name !== 'GET /api/tasks' || caller === 'officer.DRC');
        if (row.name === 'GET /api/tasks' && caller === 'officer.DRC') {
          // P1's DRC items: the approved one is gone from the queue, others may remain.
        } else if (row.sees(res.body) !== shouldSee) {
          wrong.push(`${caller}: ${shouldSee ? 'does not see' : 'sees'} P1 in the list`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(seen.length).toBe(CALLERS.length);
  });

  it('has a row for every operation of the OpenAPI document', async () => {
    const doc = (await request(h.url).get('/docs/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    // "POST …/items/:itemCode/supplement (an approved item)" → "POST /api/projects/:/items/:/supplement"
    const covered = new Set(
      rows.map((r) => {
        const [method, path] = r.name.split(' (')[0].split(' ');
        return `${method} ${path.replace(/^…\//, '/api/projects/:id/').replace(/:\w+/g, ':')}`;
      }),
    );
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path.replace(/\{[^}]+\}/g, ':')}`),
    );
    expect(operations.length).toBeGreaterThanOrEqual(30);
    expect(operations.filter((op) => !covered.has(op))).toEqual([]);
  });

  it('nobody refused left a trace on P1; the actors in its timeline are the allowed ones', async () => {
    const events = (
      await request(h.url)
        .get(`/api/projects/${p1}/timeline`)
        .set('Authorization', `Bearer ${auth.supervisor}`)
        .expect(200)
    ).body.items as { actor: string; type: string }[];
    const actors = new Set(events.map((e) => e.actor));
    for (const outsider of [
      'm-applicant2',
      'm-agent2',
      'm-officer.GAS',
      'm-head.GAS',
      'm-window',
    ]) {
      if (outsider === 'm-window') continue; // the window accepted PLAN in the set-up
      expect(actors.has(outsider)).toBe(false);
    }
    // The set-up's events, plus the withdrawal at the end (the only allowed write that succeeds).
    expect(events.slice(before.events).map((e) => e.type)).toEqual(
      expect.arrayContaining(['PROJECT_WITHDRAWN']),
    );
  });
});
