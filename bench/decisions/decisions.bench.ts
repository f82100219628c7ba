/*
 * Decisions: officers deciding through the API at once (20, then 50 distinct officer accounts),
 * each `POST /api/tasks/:taskId/decision {action: APPROVE}` → 200, then `GET /api/projects/:id`
 * until the item's status has changed → visible in the report; p50 and p99 of both. In the same
 * run, on the same dev server and at the same concurrency: the raw Temporal Update round trip
 * (a trivial workflow whose Update handler just answers, bench/decisions/workflows.ts), sent from
 * this process with the Temporal client. Target (issue 16): HTTP decision p99 ≤ 2 × raw Update p99.
 *
 *   npm run bench:decisions      # ~3-4 min (builds dist/ first)
 *
 * Projects are prepared beforehand through the API (created by the demo applicant, PLAN
 * submitted, accepted by the demo window officer), six PLAN items each under review in five
 * departments; each level decides on its own projects, item after item across projects, so
 * decisions at the same moment are on different projects. Officers are inserted into `users`
 * (bcrypt, like the app's own accounts) as `bench.officer.<DEPT>.<n>`, spread over the
 * departments in proportion to their items.
 *
 * Options (environment): BENCH_LEVELS (default 20,50), BENCH_PROJECTS per level (default 50,
 * at least the level), BENCH_SECONDS cap per measurement (default 60), BENCH_TEMPORAL_DB=memory,
 * BENCH_KEEP=1, BENCH_APP_ENV (JSON: more product environment). BENCH_DIAGNOSE=1 adds, per level, the product's own Update sent straight to the
 * project workflows from this process (no HTTP, no API) and `GET /api/projects/:id` alone, and
 * records CPU profiles of the API and the worker during the decisions; results then go to
 * bench/results/decisions-diagnosis.json and .svg.
 */
import type { WorkflowHandle } from '@temporalio/client';
import * as bcrypt from 'bcryptjs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { itemsOf, type ProjectReport as Report } from '../../libs/client/src';
import {
  ApiClient,
  BenchRun,
  CpuWindow,
  LoadResult,
  Stack,
  barChart,
  describeCpu,
  envLevels,
  envNumber,
  ratio,
  runBench,
  runLoad,
  startStack,
  summarize,
  svgDocument,
  abba,
  cpuPanel,
  cpuPerOperation,
  describeProfile,
  mergeCpuWindows,
  mergeLoadResults,
  summarizeProfile,
  withCpu,
  withoutSamples,
  writeResults,
  type ProfileSummary,
} from '../lib';
import type { CommandResult } from '../../libs/approval/src';
import { projectCommandUpdate, projectWorkflowId } from '../../libs/temporal/src';
import { preparePlanTasks, type Task } from './plan-tasks';
import { pingUpdate, stopSignal, updateTargetWorkflow } from './workflows';

const TARGET = 2;
const UPDATE_TASK_QUEUE = 'bench-update';
const OFFICER_PASSWORD = 'bench';

/** `count` officers spread over the departments in proportion to their tasks (at least one each). */
function officersPerDepartment(tasks: Task[], count: number): Map<string, number> {
  const share = new Map<string, number>();
  for (const t of tasks) share.set(t.department, (share.get(t.department) ?? 0) + 1);
  const depts = [...share.keys()].sort();
  const exact = depts.map((d) => ({ d, v: (share.get(d)! / tasks.length) * count }));
  const out = new Map(exact.map(({ d, v }) => [d, Math.max(1, Math.floor(v))]));
  let left = count - [...out.values()].reduce((a, b) => a + b, 0);
  for (const { d } of [...exact].sort((a, b) => (b.v % 1) - (a.v % 1))) {
    if (left <= 0) break;
    out.set(d, out.get(d)! + 1);
    left--;
  }
  return out;
}

interface Level {
  concurrency: number;
  officers: Record<string, number>;
  raw: LoadResult;
  rawCpu: CpuWindow;
  http: LoadResult;
  httpCpu: CpuWindow;
  decisionMs: number[];
  visibleMs: number[];
  extraReads: number;
  /** BENCH_DIAGNOSE: the product's Update straight to the workflows, and the report read alone. */
  direct?: LoadResult;
  directCpu?: CpuWindow;
  read?: LoadResult;
  readCpu?: CpuWindow;
  profiles?: Record<string, ProfileSummary>;
}

runBench('decisions', async () => {
  const run = new BenchRun('decisions');
  const levels = envLevels('BENCH_LEVELS', [20, 50]);
  const projectsWanted = envNumber('BENCH_PROJECTS', 50);
  const seconds = envNumber('BENCH_SECONDS', 60);
  const diagnose = process.env.BENCH_DIAGNOSE === '1';
  // Enough projects that the decisions in flight together are on different projects.
  const projectsFor = (concurrency: number) => Math.max(projectsWanted, concurrency);
  run.header();
  await run.snapshotLoad('before');

  const stack: Stack = await startStack({
    name: 'decisions',
    log: run.log,
    // BENCH_APP_ENV: more of the product's environment, e.g. '{"EXCHANGE_DATABASE_URL":""}'
    // to see a decision without the exchange's outbox.
    app: { profile: diagnose, env: JSON.parse(process.env.BENCH_APP_ENV ?? '{}') },
    benchWorkers: [
      {
        name: 'update worker',
        taskQueue: UPDATE_TASK_QUEUE,
        workflowsPath: join(__dirname, 'workflows.ts'),
      },
    ],
  });
  const api = new ApiClient(stack.apiUrl!);
  const applicant = await api.login('applicant', 'demo');
  const window = await api.login('window', 'demo');
  const runId = randomUUID().slice(0, 8);

  const prepare = (label: string, count: number) =>
    preparePlanTasks(api, { applicant, window }, label, count, runId);

  const sets = diagnose ? 2 : 1;
  run.log(
    `preparing ${levels.map((c) => projectsFor(c) * sets).join(' + ')} projects (+5 for the warm-up) through the API…`,
  );
  const warmTasks = await prepare('prepare warm-up', 5);
  const levelTasks: Task[][] = [];
  const directTasks: Task[][] = [];
  for (const c of levels) {
    levelTasks.push(await prepare(`prepare c=${c}`, projectsFor(c)));
    if (diagnose) directTasks.push(await prepare(`prepare direct c=${c}`, projectsFor(c)));
  }

  // ── Officers: distinct accounts, spread over the departments ─────────────────────────────
  const maxOfficers = Math.max(...levels);
  const allocation = officersPerDepartment(levelTasks[0], maxOfficers);
  const hash = await bcrypt.hash(OFFICER_PASSWORD, 10);
  const pg = new PgClient({ connectionString: stack.databaseUrl });
  await pg.connect();
  const officers = new Map<string, { username: string; token: string }[]>();
  for (const [dept, n] of allocation) {
    const list: { username: string; token: string }[] = [];
    for (let k = 1; k <= n; k++) {
      const username = `bench.officer.${dept}.${k}`;
      await pg.query(
        `INSERT INTO users (username, password_hash, role, department, display_name)
         VALUES ($1, $2, 'REVIEWING_OFFICER', $3, $1) ON CONFLICT DO NOTHING`,
        [username, hash, dept],
      );
      list.push({ username, token: await api.login(username, OFFICER_PASSWORD) });
    }
    officers.set(dept, list);
  }
  run.log(
    `${maxOfficers} officer accounts signed in: ${[...allocation].map(([d, n]) => `${d} ${n}`).join(', ')}`,
  );

  // ── Raw Update targets, as many as projects per level ────────────────────────────────────
  const targets: WorkflowHandle<typeof updateTargetWorkflow>[] = [];
  for (let k = 0; k < Math.max(...levels.map(projectsFor)); k++) {
    targets.push(
      await stack.client.workflow.start(updateTargetWorkflow, {
        taskQueue: UPDATE_TASK_QUEUE,
        workflowId: `update-target-${runId}-${k}`,
      }),
    );
  }

  const rawLevel = (label: string, concurrency: number, total: number, spread: number) =>
    runLoad({
      label,
      concurrency,
      total,
      maxSeconds: seconds,
      op: async (i) => {
        const n = await targets[i % spread].executeUpdate(pingUpdate, { args: [i] });
        if (n !== i) throw new Error(`ping answered ${n}, expected ${i}`);
      },
    });

  // What the API sends for a decision (ProjectCommandsService), straight from this process.
  const directLevel = (label: string, concurrency: number, tasks: Task[]) =>
    runLoad({
      label,
      concurrency,
      total: tasks.length,
      maxSeconds: seconds,
      op: async (i) => {
        const t = tasks[i];
        const officer = officers.get(t.department)![0];
        const r: CommandResult = await stack.client.workflow
          .getHandle(projectWorkflowId(t.projectId))
          .executeUpdate(projectCommandUpdate, {
            args: [
              {
                actor: {
                  username: officer.username,
                  role: 'REVIEWING_OFFICER',
                  department: t.department,
                },
                command: { kind: 'DECIDE', itemCode: t.itemCode, action: 'APPROVE' },
              },
            ],
          });
        if (!r) throw new Error('no result');
      },
    });

  // The report alone, as the officers read it after a decision.
  const readLevel = (label: string, concurrency: number, tasks: Task[]) =>
    runLoad({
      label,
      concurrency,
      total: tasks.length,
      maxSeconds: seconds,
      op: async (i) => {
        const t = tasks[i];
        await api.get<Report>(`/api/projects/${t.projectId}`, officers.get(t.department)![0].token);
      },
    });

  /** A level's officers (the first n of each department's accounts) and what they measured. */
  const decisionSession = (allTasks: Task[], officerCount: number) => {
    const pools = new Map<string, string[]>();
    const allocation = officersPerDepartment(allTasks, officerCount);
    for (const [dept, n] of allocation)
      pools.set(
        dept,
        officers
          .get(dept)!
          .slice(0, n)
          .map((o) => o.token),
      );
    const next = new Map<string, number>();
    const acc = {
      allocation,
      decisionMs: [] as number[],
      visibleMs: [] as number[],
      extraReads: 0,
    };
    const decide = (label: string, concurrency: number, tasks: Task[]) =>
      runLoad({
        label,
        concurrency,
        total: tasks.length,
        maxSeconds: seconds,
        op: async (i) => {
          const t = tasks[i];
          const pool = pools.get(t.department)!;
          const k = next.get(t.department) ?? 0;
          next.set(t.department, k + 1);
          const token = pool[k % pool.length];
          const t0 = performance.now();
          await api.request('POST', `/api/tasks/${encodeURIComponent(t.taskId)}/decision`, {
            token,
            body: { action: 'APPROVE' },
            ok: [200],
          });
          const t1 = performance.now();
          for (;;) {
            const report = await api.get<Report>(`/api/projects/${t.projectId}`, token);
            const item = itemsOf(report, 'PLAN').find((it) => it.code === t.itemCode);
            if (item && item.status !== 'UNDER_REVIEW') break;
            if (performance.now() - t1 > 10_000)
              throw new Error(
                `${t.taskId}: still ${item?.status} in the report 10 s after the 200`,
              );
            acc.extraReads++;
          }
          acc.decisionMs.push(t1 - t0);
          acc.visibleMs.push(performance.now() - t0);
        },
      });
    return { acc, decide };
  };

  run.log('warm-up (not recorded): 100 raw Updates and 30 decisions at concurrency 10…');
  await rawLevel('warm-up raw Update', 10, 100, 10);
  await decisionSession(warmTasks, 10).decide('warm-up decisions', 10, warmTasks);

  const profiles: Record<number, Record<string, ProfileSummary>> = {};
  const summarizeProfiles = async (label: string, files: Record<string, string>) => {
    const c = Number(/c=(\d+)/.exec(label)?.[1]);
    for (const [name, file] of Object.entries(files)) {
      const summary = summarizeProfile(file);
      // The second part's profile is the one kept (the first warms the profiler up).
      (profiles[c] ??= {})[name] = summary;
      for (const line of describeProfile(`${name} during ${label}`, summary)) run.log(line);
    }
  };

  const results: Level[] = [];
  for (const [n, concurrency] of levels.entries()) {
    const tasks = levelTasks[n];
    run.log(
      `${concurrency} at once: ${tasks.length} raw Updates and ${tasks.length} decisions, in halves, ABBA order…`,
    );
    // Raw Updates and decisions in ABBA order, half of each per part.
    const half = Math.ceil(tasks.length / 2);
    const session = decisionSession(tasks, concurrency);
    const { a: rawParts, b: httpParts } = await abba(
      (part) =>
        withCpu(stack.cpuGroups, () =>
          rawLevel(
            `raw Update c=${concurrency} (${part + 1}/2)`,
            concurrency,
            half,
            projectsFor(concurrency),
          ),
        ),
      async (part) => {
        const stopProfiles = diagnose ? stack.profile() : undefined;
        const r = await withCpu(stack.cpuGroups, () =>
          session.decide(
            `decision c=${concurrency} (${part + 1}/2)`,
            concurrency,
            tasks.slice(part * half, (part + 1) * half),
          ),
        );
        if (stopProfiles)
          await summarizeProfiles(
            `decisions c=${concurrency} part ${part + 1}`,
            await stopProfiles(),
          );
        return r;
      },
    );
    const raw = {
      value: mergeLoadResults(
        `raw Update c=${concurrency}`,
        rawParts.map((p) => p.value),
      ),
      cpu: mergeCpuWindows(rawParts.map((p) => p.cpu)),
    };
    const http = {
      value: {
        result: mergeLoadResults(
          `decision c=${concurrency}`,
          httpParts.map((p) => p.value),
        ),
        ...session.acc,
        allocationHere: session.acc.allocation,
      },
      cpu: mergeCpuWindows(httpParts.map((p) => p.cpu)),
    };
    run.log(`raw Update: ${describeCpu(raw.cpu, run.machine.cores)}`);
    run.log(`decisions:  ${describeCpu(http.cpu, run.machine.cores)}`);
    const direct = diagnose
      ? await withCpu(stack.cpuGroups, () =>
          directLevel(`product Update direct c=${concurrency}`, concurrency, directTasks[n]),
        )
      : undefined;
    if (direct) run.log(`product Update direct: ${describeCpu(direct.cpu, run.machine.cores)}`);
    const read = diagnose
      ? await withCpu(stack.cpuGroups, () =>
          readLevel(`GET report c=${concurrency}`, concurrency, tasks),
        )
      : undefined;
    if (read) run.log(`GET report: ${describeCpu(read.cpu, run.machine.cores)}`);
    stack.assertAlive();
    const level: Level = {
      concurrency,
      officers: Object.fromEntries(http.value.allocationHere),
      raw: raw.value,
      rawCpu: raw.cpu,
      http: http.value.result,
      httpCpu: http.cpu,
      decisionMs: http.value.decisionMs,
      visibleMs: http.value.visibleMs,
      extraReads: http.value.extraReads,
      direct: direct?.value,
      directCpu: direct?.cpu,
      read: read?.value,
      readCpu: read?.cpu,
      profiles: profiles[concurrency],
    };
    results.push(level);
    const d = summarize(level.decisionMs);
    run.log(
      `c=${concurrency}: decision p50 ${d.p50Ms} p99 ${d.p99Ms} ms; raw Update p50 ${level.raw.latency.p50Ms} p99 ${level.raw.latency.p99Ms} ms; p99 ratio ${ratio(d.p99Ms, level.raw.latency.p99Ms)} (target ≤ ${TARGET})`,
    );
  }

  for (const t of targets) await t.signal(stopSignal).catch(() => undefined);
  const approved = await pg.query<{ n: string }>(
    `SELECT count(*) AS n FROM project_items WHERE status = 'APPROVED'`,
  );
  await pg.end();
  const decided =
    results.reduce((a, l) => a + l.decisionMs.length + (l.direct?.completed ?? 0), 0) +
    warmTasks.length;
  run.log(`read model: ${approved.rows[0].n} items APPROVED for ${decided} decisions answered 200`);

  await stack.stop();
  await run.snapshotLoad('after');

  const levelsOut = results.map((l) => {
    const decision = summarize(l.decisionMs);
    const visible = summarize(l.visibleMs);
    const p99Ratio = ratio(decision.p99Ms, l.raw.latency.p99Ms);
    return {
      concurrency: l.concurrency,
      officers: l.officers,
      decision,
      visibleInReport: visible,
      readsBeforeVisible: l.extraReads,
      rawUpdate: l.raw.latency,
      p99Ratio,
      p50Ratio: ratio(decision.p50Ms, l.raw.latency.p50Ms),
      visibleP99Ratio: ratio(visible.p99Ms, l.raw.latency.p99Ms),
      targetMet: p99Ratio <= TARGET,
      decisionsPerSecond: l.http.rate,
      rawUpdatesPerSecond: l.raw.rate,
      cpuMsPerOperation: {
        rawUpdate: cpuPerOperation(l.rawCpu, l.raw.completed),
        decision: cpuPerOperation(l.httpCpu, l.http.completed),
      },
      http: { ...withoutSamples(l.http), cpu: l.httpCpu },
      raw: { ...withoutSamples(l.raw), cpu: l.rawCpu },
      ...(l.direct
        ? {
            productUpdateDirect: { ...withoutSamples(l.direct), cpu: l.directCpu },
            reportRead: l.read ? { ...withoutSamples(l.read), cpu: l.readCpu } : undefined,
            profiles: l.profiles,
          }
        : {}),
    };
  });
  const data = {
    benchmark: 'decisions',
    description:
      'POST /api/tasks/:taskId/decision APPROVE → 200, then GET /api/projects/:id until the item changed; raw Update = trivial Update handler via the Temporal client; same dev server, same run, same concurrency',
    ...run.conditions(),
    temporal: stack.temporalServer,
    settings: {
      levels,
      projectsPerLevel: levels.map(projectsFor),
      diagnose,
      itemsPerProject: 6,
      capSecondsPerMeasurement: seconds,
      target: `decision p99 ≤ ${TARGET} × raw Update p99`,
    },
    readModel: { approvedItems: Number(approved.rows[0].n), decisionsAnswered200: decided },
    levels: levelsOut,
  };
  const categories = levelsOut.map((l) => `${l.concurrency} officers`);
  const panels = [
    barChart({
      title: 'Decision latency vs. raw Temporal Update, same Temporal server, same run',
      subtitle: `${run.machine.cores} cores, node ${run.machine.node}, ${stack.temporalServer.label}`,
      categories,
      series: [
        { name: 'raw Update p50', values: levelsOut.map((l) => l.rawUpdate.p50Ms) },
        { name: 'raw Update p99', values: levelsOut.map((l) => l.rawUpdate.p99Ms) },
        { name: 'decision → 200 p50', values: levelsOut.map((l) => l.decision.p50Ms) },
        { name: 'decision → 200 p99', values: levelsOut.map((l) => l.decision.p99Ms) },
        { name: 'visible in report p99', values: levelsOut.map((l) => l.visibleInReport.p99Ms) },
      ],
      unit: 'ms',
      width: 760,
    }),
    barChart({
      title: 'Ratio: decision p99 ÷ raw Update p99',
      categories,
      series: [{ name: 'p99 ratio', values: levelsOut.map((l) => l.p99Ratio), color: '#59a14f' }],
      references: [{ value: TARGET, label: `target ≤ ${TARGET}` }],
      height: 240,
      width: 760,
    }),
    cpuPanel(
      'CPU per operation, by process (ms): what a decision costs the 2 cores',
      levelsOut.flatMap((l) => [
        { name: `raw Update, ${l.concurrency}`, perOp: l.cpuMsPerOperation.rawUpdate },
        { name: `decision + report read, ${l.concurrency}`, perOp: l.cpuMsPerOperation.decision },
      ]),
    ),
  ];
  if (diagnose) {
    panels.push(
      barChart({
        title: 'Where a decision spends its time (p50)',
        subtitle:
          'raw Update → the product Update sent directly → the report read alone → the whole HTTP decision',
        categories,
        series: [
          { name: 'raw Update', values: results.map((l) => l.raw.latency.p50Ms) },
          {
            name: 'product Update direct',
            values: results.map((l) => l.direct?.latency.p50Ms ?? null),
          },
          { name: 'GET report', values: results.map((l) => l.read?.latency.p50Ms ?? null) },
          { name: 'HTTP decision', values: levelsOut.map((l) => l.decision.p50Ms) },
        ],
        unit: 'ms',
        width: 760,
      }),
    );
  }
  const svg = svgDocument(panels);
  const name = diagnose ? 'decisions-diagnosis' : 'decisions';
  for (const f of writeResults(name, data, svg)) run.log(`wrote ${f}`);
  if (diagnose) {
    run.log(
      'officers | raw Update p50/p99 | product Update direct p50/p99 | GET report p50/p99 | decision p50/p99 (ms)',
    );
    for (const l of results)
      run.log(
        `${String(l.concurrency).padStart(8)} | ${l.raw.latency.p50Ms}/${l.raw.latency.p99Ms} | ${l.direct?.latency.p50Ms}/${l.direct?.latency.p99Ms} | ${l.read?.latency.p50Ms}/${l.read?.latency.p99Ms} | ${summarize(l.decisionMs).p50Ms}/${summarize(l.decisionMs).p99Ms}`,
      );
  }
  run.log(
    'officers | decision p50/p99 ms | visible p50/p99 ms | raw Update p50/p99 ms | p99 ratio | target',
  );
  for (const l of levelsOut)
    run.log(
      `${String(l.concurrency).padStart(8)} | ${l.decision.p50Ms}/${l.decision.p99Ms} | ${l.visibleInReport.p50Ms}/${l.visibleInReport.p99Ms} | ${l.rawUpdate.p50Ms}/${l.rawUpdate.p99Ms} | ${l.p99Ratio} | ${l.targetMet ? 'met' : 'missed'}`,
    );
});
