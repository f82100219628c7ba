/*
 * Soak: SOAK_PROJECTS (default 10,000) active project workflows waiting on their durable timers,
 * on the real stack (embedded PostgreSQL, Temporal dev server on a SQLite file, the product's
 * worker and API from dist/). Measures
 *   (a) the product worker's memory (VmRSS, and V8 heap per thread after a full GC) before and
 *       after, per cached workflow, under the memory budget SOAK_WORKER_MEMORY_MB (1500 MiB,
 *       passed as WORKER_MEMORY_MB: the worker sizes its workflow cache from it; 0: no budget);
 *   (b) how late timers fire: the product's timers fire at day boundaries (Asia/Shanghai), hours
 *       away, so SOAK_TIMERS bench workflows (bench/soak/workflows.ts) each hold one durable
 *       timer the way the project workflow waits (`condition(() => dirty, ms)`), all due within
 *       one SOAK_WINDOW_S window, alongside the project workflows; lateness p50/p99/max;
 *   (c) a worker restart: SIGKILL the product worker, start it again, and time until it polls,
 *       until a sample of SOAK_SAMPLE project workflows answer a Query (each replays), and until
 *       SOAK_SAMPLE Updates (a supplement request, `POST /api/tasks/:taskId/decision`) on other
 *       projects have gone through.
 *
 *   npm run bench:soak      # ~15-20 min with the defaults on a 2-core machine
 *
 * The projects are started the way `POST /api/projects` starts an admin import (ProjectsService
 * .create): the projects row first (state_seq 0), then the workflow with the same input
 * (`workflowItems(checklist(answers))`, `policyFor`, `chineseDaysSnapshot()`, `acceptedAt` the
 * latest working day with none since: today on a working day), straight from this process with
 * the Temporal client — faster than HTTP, the same workflow. Every project then has PLAN items
 * under review and a durable timer for its next deadline (checked on a sample of 100 histories).
 *
 * Time budget (the whole run stays under ~20 min on a shared 2-core machine): project starts are
 * issued for at most SOAK_PROJECT_BUDGET_S (600) with at most SOAK_BACKLOG (200) waiting for their
 * first task, so the run starts as many of SOAK_PROJECTS as the stack sustains in that time and
 * says so when that is fewer; timers are as many as projects started (or SOAK_TIMERS), capped at
 * what the timer worker sets in SOAK_TIMER_BUDGET_S (300) at the rate of a probe (10% of them,
 * 200–1000, due in an hour); after the window the run waits at most SOAK_DRAIN_S (240) for late
 * timers.
 *
 * Options (environment): SOAK_PROJECTS (10000), SOAK_TIMERS, SOAK_SAMPLE (200), SOAK_WINDOW_S
 * (60), SOAK_START_CONCURRENCY (16), SOAK_PROJECT_BUDGET_S, SOAK_BACKLOG, SOAK_TIMER_BUDGET_S,
 * SOAK_DRAIN_S, SOAK_WORKER_MEMORY_MB (1500), BENCH_TEMPORAL_DB=memory, BENCH_KEEP=1.
 * Writes bench/results/soak.json and .svg.
 */
import type { WorkflowHandle } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { ProjectWorkflowInput, initialState, workflowItems } from '../../libs/approval/src';
import { insertProjectQuery } from '../../libs/persistence/src';
import { WorkingDayCalendar, chineseDaysSnapshot, workingDaysAgo } from '../../libs/calendar/src';
import { cachedWorkflowsFor } from '../../libs/config/src';
import { EXAMPLE_ANSWERS, checklist, policyFor, type ExampleProject } from '../../libs/domain/src';
import { projectReportQuery, projectWorkflowId } from '../../libs/temporal/src';
import type { projectWorkflow } from '../../workflows';
import {
  ApiClient,
  BenchRun,
  NodeChild,
  barChart,
  describeCpu,
  envNumber,
  lineChart,
  mapLimit,
  onCleanup,
  round,
  runBench,
  runLoad,
  startStack,
  summarize,
  svgDocument,
  withCpu,
  writeResults,
  type LatencySummary,
} from '../lib';
import {
  HEAP_PRELOAD,
  MemorySnapshot,
  defaultMaxCachedWorkflows,
  describeMemory,
  memorySnapshot,
  procMemory,
} from './memory';
import { TimerResult, soakTimerWorkflow } from './workflows';

const TIMER_QUEUE = 'bench-soak-timers';
const KINDS = Object.keys(EXAMPLE_ANSWERS) as ExampleProject[];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const secondsSince = (t: number) => round((performance.now() - t) / 1000, 2);

/** `message: cause message: …`, without ids, so failures of the same kind count together. */
function describeError(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err; e instanceof Error && parts.length < 4; e = e.cause)
    parts.push(`${e.name}: ${e.message}`);
  return parts
    .join(' ← ')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>')
    .slice(0, 300);
}

runBench('soak', async () => {
  const run = new BenchRun('soak');
  const projectsWanted = envNumber('SOAK_PROJECTS', 10_000);
  const sample = envNumber('SOAK_SAMPLE', 200);
  const windowS = envNumber('SOAK_WINDOW_S', 60);
  const startConcurrency = envNumber('SOAK_START_CONCURRENCY', 16);
  const projectBudgetS = envNumber('SOAK_PROJECT_BUDGET_S', 600);
  const timerBudgetS = envNumber('SOAK_TIMER_BUDGET_S', 300);
  const drainS = envNumber('SOAK_DRAIN_S', 240);
  const backlog = envNumber('SOAK_BACKLOG', 200);
  // 0: no budget, the worker's default (its V8 heap limit).
  const budgetMb = envNumber('SOAK_WORKER_MEMORY_MB', 1500);
  const runStart = performance.now();
  run.header();
  await run.snapshotLoad('before');

  const heapDir = mkdtempSync(join(tmpdir(), 'bench-soak-heap-'));
  const unregisterHeapDir = onCleanup('heap folder', () =>
    rmSync(heapDir, { recursive: true, force: true }),
  );
  const heapPrefix = join(heapDir, 'heap');
  const stack = await startStack({
    name: 'soak',
    log: run.log,
    app: {
      env: {
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${HEAP_PRELOAD}`.trim(),
        BENCH_HEAP_PREFIX: heapPrefix,
        // The product worker's memory budget: it sets its workflow cache from it.
        ...(budgetMb ? { WORKER_MEMORY_MB: String(budgetMb) } : {}),
      },
    },
    benchWorkers: [
      {
        name: 'timer worker',
        taskQueue: TIMER_QUEUE,
        workflowsPath: join(__dirname, 'workflows.ts'),
      },
    ],
  });
  const client = stack.client;
  const child = (name: string) => stack.children.find((c) => c.name === name)!;
  let worker: NodeChild = child('worker');
  const timerWorker = child('timer worker');
  const api = child('api');
  let restarted: NodeChild | undefined = undefined;
  const cpuGroups = () => ({
    ...stack.cpuGroups(),
    ...(restarted ? { 'worker (restarted)': [restarted.pid] } : {}),
  });
  const pool = new Pool({ connectionString: stack.databaseUrl, max: 8 });
  const unregisterPool = onCleanup('pg pool', () => pool.end());
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await pool.query<{ n: string }>(sql, params)).rows[0].n);

  // RSS of the parts every 5 s, for the record and the chart.
  const rssSeries: {
    s: number;
    worker?: number;
    timerWorker?: number;
    api?: number;
    temporal?: number;
  }[] = [];
  const sampleRss = () =>
    rssSeries.push({
      s: secondsSince(runStart),
      worker: procMemory(worker.pid)?.rssMB,
      timerWorker: procMemory(timerWorker.pid)?.rssMB,
      api: procMemory(api.pid)?.rssMB,
      temporal: stack.temporal?.process.pid
        ? procMemory(stack.temporal?.process.pid)?.rssMB
        : undefined,
    });
  sampleRss();
  const rssTimer = setInterval(sampleRss, 5000);
  const unregisterRss = onCleanup('rss sampler', () => clearInterval(rssTimer));

  const memory: { worker: MemorySnapshot[]; timerWorkerRssMB: Record<string, number | undefined> } =
    { worker: [], timerWorkerRssMB: {} };
  const snapshot = async (tag: string, of: NodeChild = worker) => {
    const m = await memorySnapshot(heapPrefix, of.pid, tag, 2);
    memory.worker.push(m);
    memory.timerWorkerRssMB[tag] = procMemory(timerWorker.pid)?.rssMB;
    run.log(describeMemory(of.name, m));
    return m;
  };
  await sleep(3000); // let the worker settle after its start (bundling, first polls)
  const memBefore = await snapshot('idle, before the projects');
  // As the worker computes it (libs/config worker.config.ts): from WORKER_MEMORY_MB, or its heap.
  const workerBudgetMb = budgetMb || Math.floor(memBefore.heapLimitMB);
  const maxCached = cachedWorkflowsFor(workerBudgetMb);
  run.log(
    `the product worker's budget ${workerBudgetMb} MiB (${budgetMb ? 'WORKER_MEMORY_MB' : 'its V8 heap limit'}): maxCachedWorkflows ${maxCached} (the SDK's default for its heap would be ${defaultMaxCachedWorkflows(memBefore.heapLimitMB)})`,
  );

  // ── (1) The project workflows, started as ProjectsService.create starts an import ─────────
  const snapshotCal = chineseDaysSnapshot();
  const cal = WorkingDayCalendar.fromSnapshot(snapshotCal);
  const today = cal.localDate(Date.now());
  // The latest working day with no working day since: today on a working day, else the last
  // one before it. A day later the shortest items (1 working day) would be overdue already and
  // some projects, every item overdue, would wait on no timer at all.
  const acceptedAt = workingDaysAgo(cal, today, 0);
  const prepared = Object.fromEntries(
    KINDS.map((k) => {
      const list = checklist(EXAMPLE_ANSWERS[k]);
      return [k, { list, policy: policyFor(list.projectType), items: workflowItems(list) }];
    }),
  ) as Record<
    ExampleProject,
    {
      list: ReturnType<typeof checklist>;
      policy: ReturnType<typeof policyFor>;
      items: ProjectWorkflowInput['items'];
    }
  >;
  const runId = randomUUID().slice(0, 8);
  const projectIds: string[] = [];
  const startProject = async (i: number) => {
    const kind = KINDS[i % KINDS.length];
    const p = prepared[kind];
    const projectId = randomUUID();
    const input: ProjectWorkflowInput = {
      projectId,
      name: `浸泡测试 ${kind} #${i}`,
      type: p.list.projectType,
      region: 'CN',
      ownerOrganisation: i % 2 ? 'org-b' : 'org-a',
      limitDays: p.policy.limitDays,
      stageBudgets: p.policy.stageBudgets,
      warning: p.policy.warning,
      calendar: snapshotCal,
      createdBy: { username: 'admin', role: 'ADMIN' },
      acceptedAt,
      items: p.items,
    };
    const state = initialState(input, cal.version, new Date().toISOString());
    await pool.query(insertProjectQuery({ state, createdBy: 'admin', idempotencyKey: null }));
    await client.workflow.start<typeof projectWorkflow>('projectWorkflow', {
      workflowId: projectWorkflowId(projectId),
      taskQueue: stack.taskQueue!,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    projectIds[i] = projectId;
  };

  run.log(
    `starting ${projectsWanted} project workflows (admin imports, PLAN accepted ${acceptedAt}, today ${today}) at concurrency ${startConcurrency}, at most ${backlog} waiting for their first task, issuing for at most ${projectBudgetS} s…`,
  );
  // Written by their workflow (first task done: items under review, timer set), polled.
  let written = 0;
  let polling = true;
  const writtenPoller = (async () => {
    while (polling) {
      written = await count(`SELECT count(*) AS n FROM projects WHERE state_seq > 0`);
      await sleep(500);
    }
  })();
  const startRpcMs: number[] = [];
  const tP = performance.now();
  const progress = setInterval(() => {
    const n = projectIds.filter(Boolean).length;
    run.log(
      `  projects: ${n} started, ${written} written by their workflow (${(written / secondsSince(tP)).toFixed(1)}/s), ${secondsSince(tP).toFixed(0)} s; worker RSS ${procMemory(worker.pid)?.rssMB} MiB`,
    );
  }, 15_000);
  const unregisterProgress = onCleanup('progress', () => clearInterval(progress));
  const projectStart = await withCpu(cpuGroups, async () => {
    const r = await runLoad({
      label: 'start projects',
      concurrency: startConcurrency,
      total: projectsWanted,
      maxSeconds: projectBudgetS,
      log: null,
      op: async (i) => {
        // A bounded backlog: starts go no faster than the workflows take their first task, so
        // the budget bounds the whole phase and the figure is the rate the stack sustains.
        while (projectIds.filter(Boolean).length - written >= backlog) await sleep(50);
        const t0 = performance.now();
        await startProject(i);
        startRpcMs.push(performance.now() - t0);
      },
    });
    // Until every started workflow has run its first task.
    const n = projectIds.filter(Boolean).length;
    while (written < n) {
      if (secondsSince(tP) > projectBudgetS + 600)
        throw new Error(`${n - written} of ${n} projects never wrote their first state`);
      await sleep(200);
    }
    return r;
  });
  polling = false;
  await writtenPoller;
  clearInterval(progress);
  unregisterProgress();
  const issuedS = round(projectStart.value.elapsedMs / 1000, 2);
  const started = projectIds.filter(Boolean).length;
  const projectsS = secondsSince(tP);
  const underReview = await count(
    `SELECT count(DISTINCT project_id) AS n FROM project_items WHERE status = 'UNDER_REVIEW'`,
  );
  const risk = (
    await pool.query<{ risk: string; n: string }>(
      `SELECT risk, count(*) AS n FROM projects GROUP BY 1 ORDER BY 1`,
    )
  ).rows.map((r) => `${r.risk} ${r.n}`);
  // Every project waits on a durable timer: the histories of a sample of 100 say so (a
  // TimerStarted with no TimerFired or TimerCanceled after it) and when it fires.
  const timerCheck = await mapLimit(
    projectIds.slice(0, started).filter((_, i) => i % Math.max(1, Math.floor(started / 100)) === 0),
    10,
    async (id) => {
      const history = await client.workflow.getHandle(projectWorkflowId(id)).fetchHistory();
      const open = new Map<string, number>();
      for (const e of history.events ?? []) {
        const at = Number(e.eventTime?.seconds ?? 0) * 1000;
        const started = e.timerStartedEventAttributes;
        if (started?.timerId) {
          const d = started.startToFireTimeout;
          open.set(started.timerId, at + Number(d?.seconds ?? 0) * 1000);
        }
        const closed =
          e.timerFiredEventAttributes?.timerId ?? e.timerCanceledEventAttributes?.timerId;
        if (closed) open.delete(closed);
      }
      return [...open.values()];
    },
  );
  const firesInHours = timerCheck
    .filter((t) => t.length > 0)
    .map((t) => round((Math.min(...t) - Date.now()) / 3_600_000, 2))
    .sort((a, b) => a - b);
  const pendingTimers = {
    sampled: timerCheck.length,
    withTimerPending: firesInHours.length,
    firesInHours: firesInHours.length
      ? {
          min: firesInHours[0],
          median: firesInHours[Math.floor(firesInHours.length / 2)],
          max: firesInHours[firesInHours.length - 1],
        }
      : undefined,
  };
  run.log(
    `timers pending: ${pendingTimers.withTimerPending} of ${pendingTimers.sampled} sampled project workflows hold a durable timer${pendingTimers.firesInHours ? `, firing in ${pendingTimers.firesInHours.min}–${pendingTimers.firesInHours.max} h (median ${pendingTimers.firesInHours.median} h)` : ''}`,
  );
  const projectsPhase = {
    wanted: projectsWanted,
    started,
    errors: projectStart.value.errors,
    errorSamples: projectStart.value.errorSamples,
    issuedSeconds: issuedS,
    allFirstWrittenSeconds: projectsS,
    projectsPerSecond: round(started / projectsS, 2),
    maxWaitingForFirstTask: backlog,
    /** Insert of the row + the start RPC. */
    startLatency: summarize(startRpcMs),
    withItemsUnderReview: underReview,
    pendingTimers,
    risk,
    acceptedAt,
    today,
    cpu: projectStart.cpu,
  };
  run.log(
    `${started} of ${projectsWanted} projects started in ${issuedS} s, all written by their workflow after ${projectsS} s (${projectsPhase.projectsPerSecond} projects/s); ${underReview} with items under review; risk ${risk.join(', ')}; ${describeCpu(projectStart.cpu, run.machine.cores)}`,
  );
  if (started < projectsWanted)
    run.log(
      `NOTE: ${projectsWanted} projects could not be started within ${projectBudgetS} s here; the soak runs with ${started}`,
    );
  stack.assertAlive();
  const memAfterProjects = await snapshot(`after ${started} projects`);
  const cached = Math.min(started, maxCached);

  // Cached (the newest) vs evicted (the oldest) workflows: a Query on an evicted one replays it.
  /**
   * A Query to each workflow, retried as a careful client would (every 250 ms, up to 120 s) when
   * it fails; the latency of one is from its first attempt to its answer.
   */
  const queryAll = async (label: string, ids: string[], concurrency: number) => {
    const ms: number[] = [];
    const byId = new Map<string, number>();
    const failures = new Map<string, number>();
    /** Workflows whose first Query failed, with when it was sent (ms after `t`). */
    const failedFirst = new Map<string, number>();
    let retried = 0;
    const t = performance.now();
    const r = await runLoad({
      label,
      concurrency,
      total: ids.length,
      log: null,
      op: async (i) => {
        const t0 = performance.now();
        for (let attempt = 1; ; attempt++) {
          try {
            const report = await client.workflow
              .getHandle(projectWorkflowId(ids[i]))
              .query(projectReportQuery);
            if (report.id !== ids[i]) throw new Error(`query answered for ${report.id}`);
            break;
          } catch (err) {
            const why = describeError(err);
            failures.set(why, (failures.get(why) ?? 0) + 1);
            if (attempt === 1) {
              retried++;
              failedFirst.set(ids[i], t0 - t);
            }
            if (performance.now() - t0 > 120_000) throw err;
            await sleep(250);
          }
        }
        ms.push(performance.now() - t0);
        byId.set(ids[i], performance.now() - t0);
      },
    });
    return {
      count: ids.length,
      ok: r.completed,
      errors: r.errors,
      errorSamples: r.errorSamples,
      /** Queries that failed at least once before they were answered. */
      retried,
      failedAttempts: Object.fromEntries(failures),
      allSeconds: secondsSince(t),
      latency: summarize(ms),
      byId,
      failedFirst,
    };
  };
  const probe = Math.min(100, Math.floor(started / 4));
  const newest = projectIds.slice(started - probe);
  const oldest = projectIds.slice(0, probe);
  const queriesBefore = {
    newestCached: await queryAll('query newest', newest, 10),
    oldestEvicted: await queryAll('query oldest', oldest, 10),
  };
  run.log(
    `before the restart: Query p50/p99 ${queriesBefore.newestCached.latency.p50Ms}/${queriesBefore.newestCached.latency.p99Ms} ms on the ${probe} newest (cached), ${queriesBefore.oldestEvicted.latency.p50Ms}/${queriesBefore.oldestEvicted.latency.p99Ms} ms on the ${probe} oldest (evicted: replayed)`,
  );

  // Officers' tasks for the Updates: one item under review per project.
  const httpApi = new ApiClient(stack.apiUrl!);
  const tokens = new Map<string, string>();
  const officer = async (dept: string) => {
    let t = tokens.get(dept);
    if (!t) tokens.set(dept, (t = await httpApi.login(`officer.${dept}`, 'demo')));
    return t;
  };
  const tasksOf = async (ids: string[]) =>
    (
      await pool.query<{ project_id: string; task_id: string; department: string }>(
        `SELECT DISTINCT ON (project_id) project_id, task_id, department FROM project_items
         WHERE status = 'UNDER_REVIEW' AND project_id = ANY($1::uuid[]) ORDER BY project_id, code`,
        [ids],
      )
    ).rows;
  const supplementAll = async (label: string, ids: string[], concurrency: number) => {
    const tasks = await tasksOf(ids);
    for (const t of tasks) await officer(t.department);
    const ms: number[] = [];
    const byId = new Map<string, number>();
    const t = performance.now();
    const r = await runLoad({
      label,
      concurrency,
      total: tasks.length,
      log: null,
      op: async (i) => {
        const task = tasks[i];
        const t0 = performance.now();
        await httpApi.request('POST', `/api/tasks/${encodeURIComponent(task.task_id)}/decision`, {
          token: await officer(task.department),
          body: { action: 'REQUEST_SUPPLEMENT', comment: '请补充材料（浸泡测试）' },
          ok: [200],
        });
        ms.push(performance.now() - t0);
        byId.set(task.project_id, performance.now() - t0);
      },
    });
    return {
      count: tasks.length,
      ok: r.completed,
      errors: r.errors,
      errorSamples: r.errorSamples,
      allSeconds: secondsSince(t),
      latency: summarize(ms),
      byId,
    };
  };
  const updateProbe = Math.min(50, Math.floor(started / 8));
  const updatesBefore = await supplementAll(
    'supplements before',
    projectIds.slice(started - probe - updateProbe, started - probe),
    10,
  );
  run.log(
    `before the restart: ${updatesBefore.ok} supplement requests (Update through the API) on recent projects, p50/p99 ${updatesBefore.latency.p50Ms}/${updatesBefore.latency.p99Ms} ms`,
  );

  // ── (2) Timer lateness: bench timers due in one window, beside the project workflows ──────
  // As many timers as projects started, unless SOAK_TIMERS says otherwise.
  const timersWanted = process.env.SOAK_TIMERS ? envNumber('SOAK_TIMERS', started) : started;
  // The window must open once every timer is set (its workflow's first task has run). Starts
  // wait while the timer queue's backlog (Temporal's approximate count of workflow tasks not yet
  // taken) is above SOAK_BACKLOG, so they go no faster than the timer worker sets them; the rate
  // is measured on a probe of 200 timer workflows (due at once, not counted), the window set
  // from it with a margin, and starts still going 10 s before it opens are stopped (the run
  // then reports fewer).
  const timerBacklog = async () => {
    const res = await client.workflowService.describeTaskQueue({
      namespace: stack.namespace,
      taskQueue: { name: TIMER_QUEUE },
      taskQueueType: 1, // TASK_QUEUE_TYPE_WORKFLOW
      reportStats: true,
    });
    return Number(res.stats?.approximateBacklogCount ?? 0);
  };
  let queued = 0;
  let watching = true;
  const backlogWatcher = (async () => {
    while (watching) {
      queued = await timerBacklog().catch(() => queued);
      await sleep(250);
    }
  })();
  const startTimer = async (id: string, dueAt: number) => {
    while (queued >= backlog) await sleep(50);
    return client.workflow.start(soakTimerWorkflow, {
      taskQueue: TIMER_QUEUE,
      workflowId: id,
      args: [dueAt],
    });
  };
  const untilTimersSet = async (limitS: number) => {
    const t = performance.now();
    await sleep(600);
    while ((await timerBacklog()) > 0 && secondsSince(t) < limitS) await sleep(250);
  };
  // Long enough to see the sustained rate, not the burst the server absorbs at first.
  const probeCount = Math.max(200, Math.min(1000, Math.round(timersWanted / 10)));
  const tProbe = performance.now();
  await runLoad({
    label: 'timer start probe',
    concurrency: startConcurrency,
    total: probeCount,
    log: null,
    // Due in an hour: they wait out the whole run and never fire in the window.
    op: (i) => startTimer(`soak-timer-probe-${runId}-${i}`, Date.now() + 3_600_000),
  });
  await untilTimersSet(60);
  const timerRate = round(probeCount / secondsSince(tProbe), 1);
  // As many as can be set within SOAK_TIMER_BUDGET_S at the probe's rate.
  const timersPlanned = Math.min(timersWanted, Math.floor(timerRate * timerBudgetS));
  if (timersPlanned < timersWanted)
    run.log(
      `NOTE: at ${timerRate} timers set per second, ${timersWanted} timers do not fit in ${timerBudgetS} s here; the run uses ${timersPlanned}`,
    );
  const timerStartEstimateS = (timersPlanned / timerRate) * 1.25 + 15;
  const windowStart = Date.now() + timerStartEstimateS * 1000;
  const windowMs = windowS * 1000;
  // Due times spread over the window independently of the order of the starts.
  const dueOf = (i: number) =>
    windowStart + Math.floor((((i * 7919) % timersPlanned) / timersPlanned) * windowMs);
  const timers: WorkflowHandle<typeof soakTimerWorkflow>[] = [];
  run.log(
    `timers are set at ${timerRate}/s (probe of ${probeCount}); starting ${timersPlanned} timer workflows on "${TIMER_QUEUE}", due from ${new Date(windowStart).toISOString()} over ${windowS} s (${timerStartEstimateS.toFixed(0)} s from now)…`,
  );
  const tT = performance.now();
  const timerStart = await withCpu(cpuGroups, async () => {
    const r = await runLoad({
      label: 'start timers',
      concurrency: startConcurrency,
      total: timersPlanned,
      maxSeconds: Math.max(10, (windowStart - Date.now()) / 1000 - 10),
      progressEveryMs: 15_000,
      op: async (i) => {
        timers[i] = await startTimer(`soak-timer-${runId}-${i}`, dueOf(i));
      },
    });
    await untilTimersSet(Math.max(1, (windowStart - Date.now()) / 1000));
    return r;
  });
  watching = false;
  await backlogWatcher;
  const timersStarted = timers.filter(Boolean);
  run.log(
    `${timersStarted.length} of ${timersPlanned} timer workflows started and set in ${secondsSince(tT)} s (${timerStart.value.rate}/s); ${describeCpu(timerStart.cpu, run.machine.cores)}`,
  );
  const windowEnd = windowStart + windowMs;
  const waitS = Math.max(0, (windowStart - Date.now()) / 1000);
  run.log(`waiting ${waitS.toFixed(0)} s for the window, then ${windowS} s of timers firing…`);
  await sleep(Math.max(0, windowStart - Date.now()));
  // Through the window and until every timer workflow has completed (they fire as fast as
  // the server gets to them), at most SOAK_DRAIN_S after the window.
  const allTimers = timersStarted.length;
  const windowCpu = await withCpu(cpuGroups, async () => {
    for (;;) {
      await sleep(5000);
      const done = await client.workflow
        .count(`WorkflowType = 'soakTimerWorkflow' AND ExecutionStatus = 'Completed'`)
        .then((c) => c.count)
        .catch(() => -1);
      run.log(
        `  window: ${((Date.now() - windowStart) / 1000).toFixed(0)} s in, ${done} of ${timersStarted.length} timer workflows completed`,
      );
      if (Date.now() > windowEnd && (done >= allTimers || done < 0)) break;
      if (Date.now() > windowEnd + drainS * 1000) break;
    }
  });
  const timerResults: (TimerResult | undefined)[] = await mapLimit(timersStarted, 50, (h) =>
    Promise.race([
      h.result(),
      sleep(Math.max(1000, windowEnd + drainS * 1000 - Date.now())).then(() => undefined),
    ]),
  );
  const fired = timerResults.filter((r): r is TimerResult => r !== undefined && !r.woken);
  const valid = fired.filter((r) => r.setAt < r.dueAt);
  const lateness = valid.map((r) => r.firedAt - r.dueAt);
  const late = summarize(lateness);
  const lastFiredS = round((Math.max(...valid.map((r) => r.firedAt)) - windowStart) / 1000, 1);
  const timersPhase = {
    wanted: timersWanted,
    planned: timersPlanned,
    setPerSecondInProbe: timerRate,
    started: timersStarted.length,
    startsPerSecond: timerStart.value.rate,
    startErrors: timerStart.value.errors,
    windowSeconds: windowS,
    windowStart: new Date(windowStart).toISOString(),
    fired: fired.length,
    notFiredWithinDrain: timersStarted.length - timerResults.filter(Boolean).length,
    /** Timers whose first workflow task ran after their due time (not counted). */
    setAfterDue: fired.length - valid.length,
    latenessMs: late,
    earlyCount: lateness.filter((l) => l < 0).length,
    /** When the last timer's workflow ran, after the window opened, and the rate they ran at. */
    lastFiredSecondsAfterWindowStart: lastFiredS,
    firedPerSecond: round(valid.length / Math.max(lastFiredS, windowS), 1),
    startCpu: timerStart.cpu,
    windowCpu: windowCpu.cpu,
  };
  run.log(
    `timers: ${valid.length} fired (of ${timersStarted.length} started, ${timersPhase.setAfterDue} set after due and left out), lateness p50 ${late.p50Ms} ms, p99 ${late.p99Ms} ms, max ${late.maxMs} ms (the last ran ${lastFiredS} s after the window opened: ${round(valid.length / Math.max(lastFiredS, windowS), 1)} timers/s), with ${started} project workflows waiting; window ${describeCpu(windowCpu.cpu, run.machine.cores)}`,
  );
  // Lateness over the window, in 5-s buckets of due time.
  const buckets = new Map<number, number[]>();
  for (const r of valid) {
    const b = Math.floor((r.dueAt - windowStart) / 5000) * 5;
    if (!buckets.has(b)) buckets.set(b, []);
    buckets.get(b)!.push(r.firedAt - r.dueAt);
  }
  const latenessByDue = [...buckets]
    .sort((a, b) => a[0] - b[0])
    .map(([s, v]) => ({ dueSecond: s, ...summarize(v) }));
  stack.assertAlive();
  await snapshot(`after the timer window`);

  // ── (3) Worker restart ───────────────────────────────────────────────────────────────────
  const oldPid = worker.pid;
  run.log(`SIGKILL the product worker (pid ${oldPid})`);
  const tKill = performance.now();
  await stack.stack.kill('worker', 'SIGKILL');
  const killToExitS = secondsSince(tKill);
  const tSpawn = performance.now();
  // As it was started (environment, heap preload), under a name of its own.
  restarted = stack.stack.restart('worker', { name: 'worker (restarted)' });
  worker = restarted;
  const newPid = restarted.pid;
  for (;;) {
    const res = await client.workflowService.describeTaskQueue({
      namespace: stack.namespace,
      taskQueue: { name: stack.taskQueue! },
      taskQueueType: 1, // TASK_QUEUE_TYPE_WORKFLOW
    });
    if ((res.pollers ?? []).some((p) => p.identity?.startsWith(`${newPid}@`))) break;
    if (restarted.exited()) throw new Error(`the restarted worker ${restarted.exited()}`);
    if (secondsSince(tSpawn) > 180) throw new Error('the restarted worker did not poll in 180 s');
    await sleep(100);
  }
  const spawnToPollS = secondsSince(tSpawn);
  run.log(`restarted worker (pid ${newPid}) polling ${spawnToPollS} s after its start`);

  // Samples: random projects, none touched before (no Query, no Update).
  const touched = new Set([
    ...newest,
    ...oldest,
    ...projectIds.slice(started - probe - updateProbe),
  ]);
  const pool2 = projectIds.slice(0, started).filter((id) => !touched.has(id));
  for (let i = pool2.length - 1; i > 0; i--) {
    const j = (i * 2654435761) % (i + 1);
    [pool2[i], pool2[j]] = [pool2[j], pool2[i]];
  }
  const querySample = pool2.slice(0, sample);
  const updateSample = pool2.slice(sample, 2 * sample);
  const noIds = <T extends { byId: Map<string, number> }>(r: T): Omit<T, 'byId'> => {
    const { byId: _byId, ...rest } = r;
    return rest;
  };
  const tQueries = performance.now();
  const queriesAfter = await queryAll(`query ${querySample.length} after restart`, querySample, 20);
  const queriesDoneS = secondsSince(tSpawn);
  // Queries that failed at first (sent while the server still routed them to the killed
  // worker's sticky queue) and the others; when the failed ones were sent, after the kill.
  const sentAfterStartS = round((tQueries - tKill) / 1000, 2);
  const failedIds = [...queriesAfter.failedFirst.keys()];
  const querySplit = {
    queriesSentFromSecondsAfterKill: sentAfterStartS,
    failedFirstSentSecondsAfterKill: failedIds.length
      ? {
          first: round(sentAfterStartS + Math.min(...queriesAfter.failedFirst.values()) / 1000, 2),
          last: round(sentAfterStartS + Math.max(...queriesAfter.failedFirst.values()) / 1000, 2),
        }
      : undefined,
    latencyRetried: summarize(failedIds.map((id) => queriesAfter.byId.get(id)!)),
    latencyFirstTime: summarize(
      [...queriesAfter.byId].filter(([id]) => !queriesAfter.failedFirst.has(id)).map(([, v]) => v),
    ),
  };
  run.log(
    `${queriesAfter.ok} of ${querySample.length} sampled workflows answered a Query ${queriesDoneS} s after the restart (${queriesAfter.allSeconds} s for the sample, p50/p99 ${queriesAfter.latency.p50Ms}/${queriesAfter.latency.p99Ms} ms; ${queriesAfter.retried} failed at first and were retried every 250 ms: p50 ${querySplit.latencyRetried.p50Ms} ms, the others p50 ${querySplit.latencyFirstTime.p50Ms} ms; ${JSON.stringify(queriesAfter.failedAttempts)})`,
  );
  const updatesAfter = await supplementAll(`supplements after restart`, updateSample, 10);
  const updatesDoneS = secondsSince(tSpawn);
  run.log(
    `${updatesAfter.ok} of ${updatesAfter.count} supplement requests went through ${updatesDoneS} s after the restart (${updatesAfter.allSeconds} s for the sample, p50/p99 ${updatesAfter.latency.p50Ms}/${updatesAfter.latency.p99Ms} ms)`,
  );
  await snapshot(`restarted, after the samples`, restarted);
  const restartPhase = {
    signal: 'SIGKILL',
    killToExitSeconds: killToExitS,
    spawnToPollingSeconds: spawnToPollS,
    spawnToQuerySampleAnsweredSeconds: queriesDoneS,
    spawnToUpdateSampleDoneSeconds: updatesDoneS,
    querySample: { ...noIds(queriesAfter), failedFirst: undefined, ...querySplit },
    updateSample: noIds(updatesAfter),
    queriesBefore: {
      newestCached: noIds(queriesBefore.newestCached),
      oldestEvicted: noIds(queriesBefore.oldestEvicted),
    },
    updatesBefore: noIds(updatesBefore),
  };

  clearInterval(rssTimer);
  unregisterRss();
  await restarted.stop();
  await pool.end();
  unregisterPool();
  await stack.stop();
  rmSync(heapDir, { recursive: true, force: true });
  unregisterHeapDir();
  await run.snapshotLoad('after');

  const perWorkflow = (a: MemorySnapshot, b: MemorySnapshot, n: number) => ({
    rssKiB: round(((b.vmRssMB - a.vmRssMB) * 1024) / n),
    v8HeapKiB: round(((b.heapUsedMB - a.heapUsedMB) * 1024) / n),
    workflowThreadHeapKiB: round(
      ((b.otherThreads.reduce((s, t) => s + t.heapUsedMB, 0) -
        a.otherThreads.reduce((s, t) => s + t.heapUsedMB, 0)) *
        1024) /
        n,
    ),
  });
  const memoryOut = {
    maxCachedWorkflows: {
      productSetting: maxCached,
      workerMemoryMb: workerBudgetMb,
      from: budgetMb ? 'WORKER_MEMORY_MB' : 'the V8 heap limit (no WORKER_MEMORY_MB)',
      formula: 'cachedWorkflowsFor (libs/config/src/worker.config.ts)',
      sdkDefault: defaultMaxCachedWorkflows(memBefore.heapLimitMB),
      heapLimitMiB: Math.round(memBefore.heapLimitMB),
    },
    cachedAfterProjects: cached,
    snapshots: memory.worker,
    timerWorkerRssMB: memory.timerWorkerRssMB,
    growth: {
      rssMB: round(memAfterProjects.vmRssMB - memBefore.vmRssMB),
      v8HeapMB: round(memAfterProjects.heapUsedMB - memBefore.heapUsedMB),
    },
    perCachedWorkflow: perWorkflow(memBefore, memAfterProjects, cached),
    perStartedWorkflow: perWorkflow(memBefore, memAfterProjects, started),
    rssEvery5s: rssSeries,
  };
  run.log(
    `worker memory: RSS ${memBefore.vmRssMB} → ${memAfterProjects.vmRssMB} MiB, V8 heap ${memBefore.heapUsedMB} → ${memAfterProjects.heapUsedMB} MiB with ${started} projects, ${cached} cached: ${memoryOut.perCachedWorkflow.rssKiB} KiB RSS, ${memoryOut.perCachedWorkflow.v8HeapKiB} KiB heap per cached workflow`,
  );

  const data = {
    benchmark: 'soak',
    description:
      'Project workflows waiting on durable timers: worker memory, timer lateness (bench timers due in one window beside them), worker SIGKILL and restart: time to poll, to answer Queries (replay), to take Updates',
    ...run.conditions(),
    temporal: { server: 'temporal CLI dev server', persistence: stack.temporalDb },
    settings: {
      projectsWanted,
      timersWanted: process.env.SOAK_TIMERS ?? 'as many as projects started',
      sample,
      windowS,
      startConcurrency,
      projectBudgetS,
      backlog,
      timerBudgetS,
      drainS,
      projectStart:
        'as ProjectsService.create for an admin import: projects row (state_seq 0), then client.workflow.start(projectWorkflow) with workflowItems(checklist(answers)), policyFor, chineseDaysSnapshot(), acceptedAt = the latest working day with none since (today on a working day); answers cycle through EXAMPLE_ANSWERS',
      timerSubstitution:
        "the product's timers fire at day boundaries (Asia/Shanghai), hours away; lateness is measured on bench workflows (bench/soak/workflows.ts) that each hold one durable timer with condition(() => dirty, ms) as the project workflow does, due within one window while the project workflows wait; lateness = Date.now() in the workflow task after the timer fired − due time",
    },
    totalSeconds: secondsSince(runStart),
    projects: projectsPhase,
    memory: memoryOut,
    timers: { ...timersPhase, latenessByDue },
    restart: restartPhase,
  };

  const mb = (m: MemorySnapshot) => m.vmRssMB;
  const svg = svgDocument([
    lineChart({
      title: `Memory (VmRSS) over the soak: ${started} project workflows, ${timersStarted.length} timers`,
      subtitle: `${run.machine.cores} cores (shared), node ${run.machine.node}; worker budget ${workerBudgetMb} MiB, cache ${maxCached} workflows`,
      series: [
        {
          name: 'product worker',
          points: rssSeries.filter((p) => p.worker).map((p) => ({ x: p.s, y: p.worker! })),
        },
        {
          name: 'timer worker',
          points: rssSeries
            .filter((p) => p.timerWorker)
            .map((p) => ({ x: p.s, y: p.timerWorker! })),
        },
        { name: 'API', points: rssSeries.filter((p) => p.api).map((p) => ({ x: p.s, y: p.api! })) },
        {
          name: 'Temporal dev server',
          points: rssSeries.filter((p) => p.temporal).map((p) => ({ x: p.s, y: p.temporal! })),
        },
      ],
      xUnit: 'seconds since start',
      yUnit: 'MiB',
      width: 820,
    }),
    barChart({
      title: 'Product worker memory after a full GC',
      categories: memory.worker.map((m) => m.tag),
      series: [
        { name: 'VmRSS', values: memory.worker.map(mb) },
        { name: 'V8 heap (all threads)', values: memory.worker.map((m) => m.heapUsedMB) },
        {
          name: 'workflow thread heap',
          values: memory.worker.map((m) =>
            round(m.otherThreads.reduce((s, t) => s + t.heapUsedMB, 0)),
          ),
        },
      ],
      unit: 'MiB',
      width: 820,
    }),
    lineChart({
      title: `Timer lateness over the ${windowS}-s window (5-s buckets of due time), ${valid.length} timers`,
      subtitle: `p50 ${round(late.p50Ms / 1000, 2)} s, p99 ${round(late.p99Ms / 1000, 2)} s, max ${round(late.maxMs / 1000, 2)} s; the last ran ${lastFiredS} s after the window opened`,
      series: [
        { name: 'p50', points: latenessByDue.map((b) => ({ x: b.dueSecond, y: b.p50Ms / 1000 })) },
        { name: 'p99', points: latenessByDue.map((b) => ({ x: b.dueSecond, y: b.p99Ms / 1000 })) },
        { name: 'max', points: latenessByDue.map((b) => ({ x: b.dueSecond, y: b.maxMs / 1000 })) },
      ],
      xUnit: 'due second in the window',
      yUnit: 's late',
      width: 820,
    }),
    barChart({
      title: `Worker SIGKILL and restart (${started} project workflows)`,
      subtitle: `Query sample ${querySample.length}, Update sample ${updatesAfter.count}`,
      categories: [
        'to polling',
        `${querySample.length} Queries answered`,
        `${updatesAfter.count} Updates done`,
      ],
      series: [
        {
          name: 'seconds after the restart',
          values: [spawnToPollS, queriesDoneS, updatesDoneS],
          color: '#e15759',
        },
      ],
      unit: 's',
      width: 820,
      height: 260,
    }),
  ]);
  for (const f of writeResults('soak', data, svg)) run.log(`wrote ${f}`);
  const line = (name: string, l: LatencySummary) =>
    `${name} p50 ${l.p50Ms} / p99 ${l.p99Ms} / max ${l.maxMs} ms`;
  run.log(
    `projects: ${started} started (${projectsPhase.projectsPerSecond}/s); ${memoryOut.perCachedWorkflow.rssKiB} KiB RSS per cached workflow`,
  );
  run.log(`timers: ${valid.length}, ${line('lateness', late)}`);
  run.log(
    `restart: polling after ${spawnToPollS} s; ${querySample.length} Queries by ${queriesDoneS} s (${line('', queriesAfter.latency)}); ${updatesAfter.count} Updates by ${updatesDoneS} s (${line('', updatesAfter.latency)})`,
  );
});
