/**
 * One decision is one trace, from the HTTP request through the Update, the workflow task and the
 * read-model write, exported by OTLP/HTTP to a receiver in this test (test/otlp-receiver.ts):
 * the built API and worker (`dist/`, which `npm test` builds first) run as separate processes —
 * instrumentation patches modules as Node loads them, which Jest's module system would bypass —
 * with OTEL_EXPORTER_OTLP_ENDPOINT set, on the e2e PostgreSQL (a database of their own) and
 * Temporal. The worker loads the tracing variant of the built workflow bundle.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { Worker, bundleWorkflowCode } from '@temporalio/worker';
import { ApiClient, handInStage, itemsOf, type ProjectReport } from '../libs/client/src';
import { EXAMPLE_ANSWERS } from '../libs/domain/src';
import { Stack, StartupError, freePort, productEntry, projectRoot } from '../libs/embedded/src';
import { projectWorkflowId } from '../libs/temporal/src';
import { ownDatabase } from './app-harness';
import { OtlpReceiver, type ReceivedSpan } from './otlp-receiver';
import { opsMetricNames } from './ops-docs';
import { parseMetrics, valueOf } from './prometheus-text';

jest.setTimeout(240_000);

describe('a decision is one trace: API, Update, workflow task, activity, PostgreSQL (OTLP)', () => {
  const receiver = new OtlpReceiver();
  const stack = new Stack({ name: 'approvals-tracing', postgres: false, temporal: false });
  let api: ApiClient;
  let projectId: string;
  let workerMetrics: number;

  beforeAll(async () => {
    const endpoint = await receiver.start();
    const port = await freePort();
    workerMetrics = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: await ownDatabase('tracing'),
      TEMPORAL_TASK_QUEUE: `tracing-${randomUUID()}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'development',
      APPROVALS_EMBEDDED: '1', // the demo accounts
      JWT_SECRET: randomBytes(24).toString('hex'),
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      DEADLINE_SWEEP_SECONDS: '0',
      MAIL_CATCHER_DIR: join(stack.dir, 'mail'),
      FILES_DIR: join(stack.dir, 'files'),
      WORKFLOW_BUNDLE: join(projectRoot(), 'dist', 'workflow-bundle.js'),
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      OTEL_BSP_SCHEDULE_DELAY: '200',
      WORKER_METRICS_PORT: String(workerMetrics),
    };
    for (const name of ['worker', 'api'] as const) {
      if (!existsSync(productEntry(name)))
        throw new StartupError(`${productEntry(name)} is missing: npm run build first`);
      stack.startNode({ name, entry: productEntry(name), env });
    }
    api = new ApiClient(`http://127.0.0.1:${port}`, { timeoutMs: 60_000 });
    await stack.waitForHealth(api.baseUrl, 180_000);
  });
  afterAll(async () => {
    await stack.stop();
    await receiver.close();
  });

  it('links the HTTP span, the Update, the workflow task, the projectState activity and its SQL', async () => {
    const admin = await api.login('admin', 'demo');
    // Imported with its PLAN stage accepted today: its items are under review.
    const project = await api.post<ProjectReport>(
      '/api/projects',
      { name: '追踪测试项目', answers: EXAMPLE_ANSWERS.school, ownerOrganisation: 'org-a' },
      { token: admin, key: randomUUID() },
    );
    const applicant = await api.login('applicant', 'demo');
    await handInStage(api, applicant, project.id, 'PLAN');
    const submitted = await api.post<ProjectReport>(
      `/api/projects/${project.id}/stages/PLAN/submission`,
      { note: '材料齐全' },
      { token: applicant },
    );
    expect(submitted.id).toBe(project.id);
    await api.post(
      `/api/projects/${project.id}/stages/PLAN/acceptance`,
      { decision: 'ACCEPT' },
      { token: await api.login('window', 'demo') },
    );
    const report = await api.get<ProjectReport>(`/api/projects/${project.id}`, admin);
    const item = itemsOf(report, 'PLAN').find((i) => i.status === 'UNDER_REVIEW')!;
    const officer = await api.login(`officer.${item.department}`, 'demo');

    const decision = await api.request('POST', `/api/tasks/${item.taskId}/decision`, {
      token: officer,
      body: { action: 'APPROVE' },
    });
    expect(decision.status).toBe(200);

    // The API's server span of this request names the route template.
    const server = await waitFor(() =>
      receiver.spans.find(
        (s) =>
          s.service === 'approvals-api' &&
          s.name === 'POST /api/tasks/:taskId/decision' &&
          String(s.attributes['http.target'] ?? s.attributes['url.path']).includes(item.taskId),
      ),
    );
    const spans = await receiver.trace(server.traceId);
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const ancestors = (s: ReceivedSpan): ReceivedSpan[] => {
      const parent = s.parentSpanId ? byId.get(s.parentSpanId) : undefined;
      return parent ? [parent, ...ancestors(parent)] : [];
    };
    const one = (service: string, name: RegExp) => {
      const found = spans.filter((s) => s.service === service && name.test(s.name));
      expect({ service, name: String(name), found: found.length > 0 }).toEqual({
        service,
        name: String(name),
        found: true,
      });
      return found[0];
    };

    if (process.env.TRACE_PRINT)
      console.log(
        spans
          .map((x) => `${x.service} ${x.name} ${x.spanId} ← ${x.parentSpanId ?? '-'}`)
          .join('\n'),
      );
    const update = one('approvals-api', /^StartWorkflowUpdate:/);
    const handle = one('approvals-worker', /^HandleUpdate:/);
    const activity = one('approvals-worker', /^RunActivity:projectState$/);
    const sql = spans.filter(
      (s) =>
        s.service === 'approvals-worker' &&
        s.attributes['db.system'] === 'postgresql' &&
        ancestors(s).includes(activity),
    );
    // Every span descends from the HTTP request: one trace, not pieces.
    for (const s of [update, handle, activity, ...sql]) expect(ancestors(s)).toContain(server);
    expect(ancestors(handle)).toContain(update);
    expect(sql.length).toBeGreaterThan(0);
    expect(sql.map((s) => String(s.attributes['db.statement']))).toEqual(
      expect.arrayContaining([expect.stringMatching(/projects/)]),
    );
    // The API's own statements in the request are there too.
    expect(
      spans.some(
        (s) => s.service === 'approvals-api' && s.attributes['db.system'] === 'postgresql',
      ),
    ).toBe(true);
    projectId = project.id;
  });

  it("serves the worker's metrics: Node's, the deadline sweep's and the Temporal SDK's", async () => {
    const res = await fetch(`http://127.0.0.1:${workerMetrics}/metrics`);
    expect(res.status).toBe(200);
    const f = parseMetrics(await res.text());
    expect(
      valueOf(f, 'approvals_process_cpu_seconds_total', { process: 'worker' }),
    ).toBeGreaterThan(0);
    expect(f.get('approvals_deadline_sweep_runs_total')?.type).toBe('counter');
    // The SDK's own: workflow tasks waited for and ran (the decision above made some).
    expect(
      valueOf(f, 'temporal_workflow_task_schedule_to_start_latency_count', {
        namespace: 'default',
      }),
    ).toBeGreaterThan(0);
    expect(f.get('temporal_sticky_cache_size')?.type).toBe('gauge');
    // Every series of the SDK's that docs/ops (dashboard, alerts) queries is there.
    const series = new Set([...f.values()].flatMap((x) => x.samples.map((m) => m.name)));
    expect(opsMetricNames('temporal_').filter((n) => !series.has(n))).toEqual([]);
  });

  it('leaves a history that replays the same with tracing on and off', async () => {
    const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
    try {
      const history = await new Client({ connection }).workflow
        .getHandle(projectWorkflowId(projectId))
        .fetchHistory();
      const quiet = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };
      for (const variant of [[], [require.resolve('../workflows/interceptors')]]) {
        const bundle = await bundleWorkflowCode({
          workflowsPath: require.resolve('../workflows'),
          workflowInterceptorModules: variant,
          logger: quiet,
        });
        await Worker.runReplayHistory({ workflowBundle: bundle }, history);
      }
    } finally {
      await connection.close();
    }
  });
});

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
    const v = probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('not seen in time');
}
