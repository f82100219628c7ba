/*
 * Side by side: the same approval process on our stack (API → Temporal workflow → read model)
 * and on Flowable (bench/peers/flowable: the engine embedded in a JVM behind a minimal HTTP
 * endpoint, its async job executor on), on the same PostgreSQL server (Flowable in its own
 * database), driven by the same client (libs/client ApiClient, bench/lib runLoad), one side
 * after the other, never at once.
 *
 *   npm run bench:peer
 *
 * Scenarios (each for both sides, in one run):
 *   1. start: project starts at concurrency 10 / 50 / 100 (POST /api/projects with the demo's
 *      government-invested school vs. starting the process instance);
 *   2. decisions: an officer's approval at 20 / 50 concurrent officers, p50 / p99, and until the
 *      decision is visible in a query (our report; Flowable's history);
 *   3. timers: PEER_TIMERS projects waiting on timers (memory of the engine process), and how
 *      late PEER_TIMERS timers due in one PEER_WINDOW_S window fire;
 *   4. recovery: kill -9 of the engine process mid-run of completions and a restart: lost or
 *      doubled completions (ours: bench/faults/worker-kill.ts, run as a child).
 *
 * Options (environment): PEER_START_LEVELS (10,50,100), PEER_OFFICER_LEVELS (20,50),
 * PEER_SECONDS (15 per measurement), PEER_DECISION_PROJECTS (40 per level and side; 5 PLAN
 * items each are ready at acceptance), PEER_TIMERS (200), PEER_WINDOW_S (60),
 * PEER_RECOVERY_PROJECTS (40), PEER_SKIP (comma list of start,decisions,timers,recovery),
 * PEER_FLOWABLE_SYNC (off|on: synchronous_commit of Flowable's database, default off like our
 * engine store), PEER_FLOWABLE_PORT (4710), PEER_STALL_S (60: a measurement in which nothing
 * finishes for this long ends as "stalled", recorded with its error, and the run goes on),
 * BENCH_KEEP=1.
 * Writes bench/results/peer-flowable.json and .svg.
 */
import type { WorkflowHandle } from '@temporalio/client';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { WorkingDayCalendar, chineseDaysSnapshot } from '../../libs/calendar/src';
import {
  EXAMPLE_ANSWERS,
  checklist,
  policyFor,
  warningThresholdDays,
  type ChecklistItem,
} from '../../libs/domain/src';
import { FaultClient } from '../faults/lib/client';
import {
  Target,
  createProjects,
  itemsOf,
  signIn,
  submitAndAccept,
  underReview,
} from '../faults/lib/scenario';
import {
  BenchRun,
  CpuWindow,
  LoadResult,
  ROOT,
  barChart,
  cpuPanel,
  cpuPerOperation,
  describeCpu,
  envLevels,
  envNumber,
  mapLimit,
  onCleanup,
  round,
  runBench,
  runLoad,
  LoadStalled,
  startStack,
  summarize,
  svgDocument,
  withCpu,
  withoutSamples,
  writeResults,
  type LatencySummary,
  type LoadOptions,
} from '../lib';
import { procMemory } from '../soak/memory';
import type { soakTimerWorkflow } from '../soak/workflows';
import { FlowableEngine, buildFlowable, writeModel } from './flowable/engine';
import { PROCESS_KEY, acceptId, approvalBpmn, dueVar, idOf, warnVar } from './flowable/model';

const SCHOOL = EXAMPLE_ANSWERS.school;
const TIMER_QUEUE = 'bench-peer-timers';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
type Side = 'ours' | 'flowable';

interface FlowTask {
  id: string;
  key: string;
  name: string;
  group?: string;
}

runBench('peer', async () => {
  const run = new BenchRun('peer');
  const startLevels = envLevels('PEER_START_LEVELS', [10, 50, 100]);
  const officerLevels = envLevels('PEER_OFFICER_LEVELS', [20, 50]);
  const seconds = envNumber('PEER_SECONDS', 15);
  const decisionProjects = envNumber('PEER_DECISION_PROJECTS', 40);
  const timers = envNumber('PEER_TIMERS', 200);
  const windowS = envNumber('PEER_WINDOW_S', 60);
  const recoveryProjects = envNumber('PEER_RECOVERY_PROJECTS', 40);
  const skip = new Set((process.env.PEER_SKIP ?? '').split(',').map((s) => s.trim()));
  const sync = process.env.PEER_FLOWABLE_SYNC === 'on' ? 'on' : 'off';
  const flowPort = envNumber('PEER_FLOWABLE_PORT', 4710);
  const stallSeconds = envNumber('PEER_STALL_S', 60);
  /** A measured load: one that stops answering ends with LoadStalled instead of hanging. */
  const load = <T>(o: LoadOptions<T>) => runLoad({ stallSeconds, ...o });
  run.header();
  await run.snapshotLoad('before');

  // The model, generated from the same checklist our API builds for the school.
  const list = checklist(SCHOOL);
  const policy = policyFor(list.projectType);
  const model = approvalBpmn(list);
  const itemsByStage = new Map(list.stages.map((s) => [s.code, s.themes.flatMap((t) => t.items)]));
  run.log(
    `model: ${list.projectType}, ${model.summary.stages.map((s) => `${s.code} ${s.items} items (${s.readyAtAcceptance} ready at acceptance)`).join(', ')}; ` +
      `${model.summary.userTasks} user tasks, ${model.summary.boundaryTimers} boundary timers, ${model.summary.gateways} gateways`,
  );

  await buildFlowable(run.log);
  const stack = await startStack({
    name: 'peer',
    log: run.log,
    app: true,
    benchWorkers: [
      {
        name: 'timer worker',
        taskQueue: TIMER_QUEUE,
        workflowsPath: join(ROOT, 'bench', 'soak', 'workflows.ts'),
      },
    ],
  });
  const bpmnFile = writeModel(stack.dir, model.xml);
  const flowable = new FlowableEngine({
    databaseUrl: stack.databaseUrl,
    database: 'flowable',
    port: flowPort,
    bpmnFile,
    synchronousCommit: sync,
    log: run.log,
  });
  await flowable.createDatabase();
  await flowable.start();
  const flowPg = new Pool({ connectionString: flowable.dbUrl, max: 2 });
  const oursPg = new Pool({ connectionString: stack.databaseUrl, max: 2 });
  // PostgreSQL stops at the end: its connections' errors then are expected.
  for (const p of [flowPg, oursPg]) p.on('error', () => undefined);
  const endPools = onCleanup('pools', async () => {
    await Promise.all([flowPg.end(), oursPg.end()]);
  });
  const durability = {
    ours: await pgSettings(oursPg),
    flowable: await pgSettings(flowPg),
    temporalDevServer: `SQLite ${stack.temporalDb === 'file' ? 'file, journal_mode=wal, synchronous=normal' : 'in memory'}`,
  };
  run.log(`durability: ${JSON.stringify(durability)}`);
  const groups = () => {
    const g: Record<string, number[]> = stack.cpuGroups();
    if (flowable.pid) g['Flowable JVM'] = [flowable.pid];
    return g;
  };

  const api = new FaultClient(() => stack.apiUrl!);
  const tokens = await signIn(api, ['DRC', 'NRP', 'EEB', 'WRB']);
  const fc = flowable.client;
  const runId = randomUUID().slice(0, 8);
  const snapshotCal = chineseDaysSnapshot();
  const cal = WorkingDayCalendar.fromSnapshot(snapshotCal);

  /** The stage's items' warning and due instants, from our calendar, as the workflow computes. */
  const stageInstants = (stage: string, override?: (i: ChecklistItem) => number | undefined) => {
    const today = cal.localDate(Date.now());
    const vars: Record<string, number> = {};
    for (const i of itemsByStage.get(stage as never) ?? []) {
      const threshold = warningThresholdDays(i.limitDays, policy.warning);
      vars[warnVar(i.code)] =
        override?.(i) ?? cal.startOfDay(cal.addWorkingDays(today, threshold).date);
      vars[dueVar(i.code)] = cal.endOfDay(cal.addWorkingDays(today, i.limitDays).date) + 1;
    }
    return vars;
  };

  // --- the Flowable client calls -------------------------------------------------------------
  const flowStart = async (businessKey: string): Promise<string> => {
    const r = await fc.request<{ id: string }>('POST', '/process-instances', {
      body: { key: PROCESS_KEY, businessKey, variables: { applicant: 'applicant' } },
      ok: [201],
    });
    return r.body.id;
  };
  const flowTasks = async (pi: string) =>
    (await fc.request<FlowTask[]>('GET', `/process-instances/${pi}/tasks`, { ok: [200] })).body;
  /** Completes a task; retried on Flowable's optimistic lock (409: a concurrent change). */
  const flowComplete = async (
    taskId: string,
    body: { variables?: unknown; transient?: unknown },
  ): Promise<number> => {
    for (let attempt = 1; ; attempt++) {
      const a = await fc.send('POST', `/tasks/${taskId}/complete`, { body });
      if (a.status === 200) return attempt - 1;
      if ((a.status === 409 || a.status === 503) && attempt < 20) {
        await sleep(5 * attempt);
        continue;
      }
      throw new Error(`complete ${taskId}: ${a.status} ${JSON.stringify(a.body).slice(0, 200)}`);
    }
  };
  /** N processes with PLAN accepted; returns their ready review tasks. */
  const flowPrepare = async (
    n: number,
    label: string,
    override?: (i: ChecklistItem) => number | undefined,
    started?: string[],
  ) => {
    let done = 0;
    const per = await mapLimit(
      Array.from({ length: n }, (_, i) => i),
      10,
      async (i) => {
        const pi = started?.[i] ?? (await flowStart(`${runId}-${label}-${i}`));
        const accept = (await flowTasks(pi)).find((t) => t.key === acceptId('PLAN'));
        if (!accept) throw new Error(`${pi}: no PLAN acceptance task`);
        await flowComplete(accept.id, { variables: stageInstants('PLAN', override) });
        if (++done % 100 === 0 || done === n) run.log(`  Flowable ${label}: ${done}/${n} prepared`);
        return { pi, tasks: (await flowTasks(pi)).filter((t) => t.key.startsWith('review_')) };
      },
    );
    return per;
  };
  /** N of our projects with PLAN submitted and accepted (faults/lib, the same calls). */
  const oursPrepare = async (n: number, label: string) => {
    const run2 = `${runId}-${label}`;
    const { ids } = await createProjects(api, tokens, {
      count: n,
      answers: SCHOOL,
      run: run2,
      concurrency: 8,
    });
    await submitAndAccept(api, tokens, ids, { stage: 'PLAN', run: run2, concurrency: 8 });
    const targets = await underReview(api, tokens, ids, {
      stage: 'PLAN',
      run: run2,
      concurrency: 8,
    });
    return { ids, targets: interleave(targets, (t) => t.projectId) };
  };

  const results: Record<string, unknown> = {};
  /** The figures so far, written after every scenario (a late failure keeps the earlier ones). */
  const save = (stage: string) => {
    const partial = {
      name: 'peer-flowable',
      ...run.conditions(),
      complete: false,
      savedAfter: stage,
      durability,
      results,
    };
    writeResults('peer-flowable', partial, chart(results, run.machine.cores));
  };
  const cpuOf = (cpu: CpuWindow, ops: number) => ({
    perOperationMs: cpuPerOperation(cpu, ops),
    cores: Object.fromEntries(Object.entries(cpu.groups).map(([k, v]) => [k, v.cores])),
  });
  /** Commits and rows written per database (PostgreSQL's statistics; flushed within ~1 s). */
  const dbStats = async () => {
    const { rows } = await oursPg.query<Record<string, string>>(
      `SELECT datname, xact_commit, tup_inserted, tup_updated, tup_deleted FROM pg_stat_database WHERE datname = ANY($1)`,
      [[ourDb, 'flowable']],
    );
    return new Map(rows.map((r) => [r.datname, r]));
  };
  const ourDb = new URL(stack.databaseUrl).pathname.slice(1);
  const measure = async (side: Side, label: string, fn: () => Promise<LoadResult>) => {
    const before = await dbStats();
    let measured;
    try {
      measured = await withCpu(groups, fn);
    } catch (err) {
      if (!(err instanceof LoadStalled)) throw err;
      // The side stopped answering: its measurement is recorded as stalled, the run goes on.
      run.log(`  ${side} ${label}: ${err.message}`);
      return stalledResult(side, err);
    }
    const { value, cpu } = measured;
    await sleep(1500);
    const after = await dbStats();
    const db = side === 'ours' ? ourDb : 'flowable';
    const per = (k: string) =>
      round(
        (Number(after.get(db)?.[k]) - Number(before.get(db)?.[k])) / Math.max(1, value.completed),
        1,
      );
    const writes = {
      database: db,
      commitsPerOperation: per('xact_commit'),
      rowsInsertedPerOperation: per('tup_inserted'),
      rowsUpdatedPerOperation: per('tup_updated'),
      rowsDeletedPerOperation: per('tup_deleted'),
    };
    run.log(
      `  ${side} ${label}: ${describeCpu(cpu, run.machine.cores)}; PostgreSQL per operation ${JSON.stringify(writes)}`,
    );
    return { side, ...withoutSamples(value), cpu: cpuOf(cpu, value.completed), writes };
  };

  // --- 1. project start ------------------------------------------------------------------------
  if (!skip.has('start')) {
    run.log('warm-up (5 s of each at concurrency 10, not recorded)…');
    const startOurs = (label: string, c: number, s: number) =>
      load({
        label,
        concurrency: c,
        total: 100_000,
        maxSeconds: s,
        op: async (i) => {
          const r = await api.request<{ id?: string; status?: string }>('POST', '/api/projects', {
            token: tokens.applicant,
            key: `peer-${runId}-${label.replace(/\W+/g, '')}-${i}`,
            body: { name: `学校 ${label} #${i}`, answers: SCHOOL },
            ok: [201],
          });
          if (r.body.status !== 'IN_PROGRESS') throw new Error(`status ${r.body.status}`);
        },
      });
    const startFlow = (label: string, c: number, s: number) =>
      load({
        label,
        concurrency: c,
        total: 100_000,
        maxSeconds: s,
        op: (i) => flowStart(`${runId}-${label.replace(/\W+/g, '')}-${i}`),
      });
    await startOurs('warm-up ours', 10, 5);
    await startFlow('warm-up flowable', 10, 5);
    const levels = [];
    for (const [n, c] of startLevels.entries()) {
      const order: Side[] = n % 2 === 0 ? ['ours', 'flowable'] : ['flowable', 'ours'];
      run.log(`start c=${c}: ${order.join(', then ')}, ${seconds} s each…`);
      const level: Record<string, unknown> = { concurrency: c, order };
      for (const side of order)
        level[side] = await measure(side, `start c=${c}`, () =>
          side === 'ours'
            ? startOurs(`ours start c=${c}`, c, seconds)
            : startFlow(`flowable start c=${c}`, c, seconds),
        );
      levels.push(level);
    }
    results.start = levels;
    save('start');
  }

  // --- 2. decisions ----------------------------------------------------------------------------
  if (!skip.has('decisions')) {
    const levels = [];
    for (const [n, c] of officerLevels.entries()) {
      run.log(
        `decisions c=${c}: preparing ${decisionProjects} projects per side with PLAN accepted…`,
      );
      const ours = await oursPrepare(decisionProjects, `dec${c}`);
      const flow = interleave(
        (await flowPrepare(decisionProjects, `dec${c}`)).flatMap((p) =>
          p.tasks.map((t) => ({ ...t, pi: p.pi })),
        ),
        (t) => t.pi,
      );
      const order: Side[] = n % 2 === 0 ? ['ours', 'flowable'] : ['flowable', 'ours'];
      const level: Record<string, unknown> = {
        concurrency: c,
        order,
        targets: { ours: ours.targets.length, flowable: flow.length },
      };
      for (const side of order) {
        const visible: number[] = [];
        let extraReads = 0;
        let lockRetries = 0;
        const r = await measure(side, `decisions c=${c}`, () =>
          side === 'ours'
            ? load({
                label: `ours decisions c=${c}`,
                concurrency: c,
                total: ours.targets.length,
                maxSeconds: seconds,
                op: async (i) => {
                  const t: Target = ours.targets[i];
                  const token = tokens.officer[t.department];
                  const t0 = performance.now();
                  await api.request('POST', `/api/tasks/${encodeURIComponent(t.taskId)}/decision`, {
                    token,
                    body: { action: 'APPROVE' },
                    ok: [200],
                  });
                  const t1 = performance.now();
                  for (;;) {
                    const report = await api.get<Parameters<typeof itemsOf>[0]>(
                      `/api/projects/${t.projectId}`,
                      token,
                    );
                    const item = itemsOf(report, 'PLAN').find((it) => it.code === t.code);
                    if (item && item.status !== 'UNDER_REVIEW') break;
                    if (performance.now() - t1 > 10_000)
                      throw new Error(`${t.taskId}: not visible`);
                    extraReads++;
                  }
                  visible.push(performance.now() - t0);
                },
              })
            : load({
                label: `flowable decisions c=${c}`,
                concurrency: c,
                total: flow.length,
                maxSeconds: seconds,
                op: async (i) => {
                  const t = flow[i];
                  const t0 = performance.now();
                  lockRetries += await flowComplete(t.id, { transient: { decision: 'APPROVE' } });
                  const t1 = performance.now();
                  for (;;) {
                    const h = await fc.get<{ endTime: number | null }>(`/tasks/${t.id}`);
                    if (h.endTime) break;
                    if (performance.now() - t1 > 10_000) throw new Error(`${t.id}: not visible`);
                    extraReads++;
                  }
                  visible.push(performance.now() - t0);
                },
              }),
        );
        level[side] = { ...r, visible: summarize(visible), extraReads, lockRetries };
      }
      levels.push(level);
    }
    results.decisions = levels;
    save('decisions');
  }

  // --- 3. timers -------------------------------------------------------------------------------
  if (!skip.has('timers')) {
    const workerPid = () => stack.children.find((ch) => ch.name === 'worker')?.pid;
    const timerWorkerPid = () => stack.children.find((ch) => ch.name === 'timer worker')?.pid;
    const out: Record<string, unknown> = { projects: timers, windowS };

    // Ours: PEER_TIMERS projects through the API with PLAN accepted (each waits on its durable
    // timer for the next deadline, days away), then PEER_TIMERS timers due in one window, held
    // by bench/soak's timer workflow the way the project workflow holds its deadline.
    const oursBefore = procMemory(workerPid()!);
    run.log(`timers (ours): ${timers} projects with PLAN accepted…`);
    const tOurs0 = performance.now();
    const oursCpu = await withCpu(groups, () => oursPrepare(timers, 'timers'));
    const oursPrepS = round((performance.now() - tOurs0) / 1000, 1);
    await sleep(5000);
    const oursAfter = procMemory(workerPid()!);
    const windowStart = Date.now() + Math.max(30_000, timers * 20);
    run.log(`timers (ours): ${timers} timers due between +30 s and +${30 + windowS} s…`);
    const handles: WorkflowHandle<typeof soakTimerWorkflow>[] = await mapLimit(
      Array.from({ length: timers }, (_, i) => i),
      20,
      (i) =>
        stack.client.workflow.start<typeof soakTimerWorkflow>('soakTimerWorkflow', {
          taskQueue: TIMER_QUEUE,
          workflowId: `peer-timer-${runId}-${i}`,
          args: [windowStart + Math.floor((i / timers) * windowS * 1000)],
        }),
    );
    const fired = await withCpu(groups, () => mapLimit(handles, 50, (h) => h.result()));
    const oursLate = summarize(fired.value.map((r) => r.firedAt - r.dueAt));
    // Under load the starts may run past the window's opening: timers set after they were due.
    const setAfterDue = fired.value.filter((r) => r.setAt > r.dueAt).length;
    run.log(`timers (ours): lateness ${JSON.stringify(oursLate)}`);
    out.ours = {
      prepareSeconds: oursPrepS,
      prepareCpu: cpuOf(oursCpu.cpu, timers),
      workerMemoryBefore: oursBefore,
      workerMemoryAfter: oursAfter,
      timerWorkerMemory: procMemory(timerWorkerPid()!),
      lateness: oursLate,
      setAfterDue,
      fired: fired.value.length,
      windowCpu: cpuOf(fired.cpu, timers),
    };

    // Flowable: PEER_TIMERS processes with PLAN accepted; in each, the first PLAN item's warning
    // timer is due in the window (its other timers at their real instants, days away).
    const gc = async () => fc.request<{ heapUsedBytes: number }>('POST', '/gc', { ok: [200] });
    const fBefore = { rss: procMemory(flowable.pid!), heap: (await gc()).body };
    const first = itemsByStage.get('PLAN')![0];
    const fWindowStartRef = { at: 0 };
    const dueOf = new Map<string, number>();
    let k = 0;
    run.log(`timers (Flowable): ${timers} processes started, then PLAN accepted…`);
    const tF0 = performance.now();
    // Started first; the acceptances then set the instants. The window opens 30 s after the
    // last acceptance is expected (1.5 × the time the starts took).
    const fCpu = await withCpu(groups, async () => {
      let begun = 0;
      const started = await mapLimit(
        Array.from({ length: timers }, (_, i) => i),
        10,
        async (i) => {
          const pi = await flowStart(`${runId}-timers-${i}`);
          if (++begun % 500 === 0 || begun === timers) {
            run.log(`  Flowable timers: ${begun}/${timers} started`);
          }
          return pi;
        },
      );
      fWindowStartRef.at = Date.now() + 30_000 + Math.round(1.5 * (performance.now() - tF0));
      return flowPrepare(
        timers,
        'timers',
        (i) =>
          i.code === first.code
            ? fWindowStartRef.at + Math.floor((k++ / timers) * windowS * 1000)
            : undefined,
        started,
      );
    });
    const fPrepS = round((performance.now() - tF0) / 1000, 1);
    for (const p of fCpu.value) dueOf.set(p.pi, 0);
    await sleep(5000);
    const fAfter = { rss: procMemory(flowable.pid!), heap: (await gc()).body };
    // The instants each process got, read back from its variables.
    const { rows: dueRows } = await flowPg.query<{ pi: string; due: string }>(
      `SELECT proc_inst_id_ AS pi, long_ AS due FROM act_ru_variable WHERE name_ = $1 AND proc_inst_id_ = ANY($2)`,
      [warnVar(first.code), [...dueOf.keys()]],
    );
    for (const r of dueRows) dueOf.set(r.pi, Number(r.due));
    const lastDue = Math.max(...dueOf.values());
    if (lastDue > Date.now() + 3600_000 || lastDue < fWindowStartRef.at)
      run.log(`timers (Flowable): unexpected instants (last ${new Date(lastDue).toISOString()})`);
    run.log(
      `timers (Flowable): window ${new Date(fWindowStartRef.at).toISOString()} … ${new Date(lastDue).toISOString()}; waiting…`,
    );
    const fWindow = await withCpu(groups, async () => {
      const deadline = lastDue + 240_000;
      for (;;) {
        const { rows } = await flowPg.query<{ n: string }>(
          `SELECT count(*) AS n FROM act_hi_actinst WHERE act_id_ = $1 AND proc_inst_id_ = ANY($2) AND end_time_ IS NOT NULL`,
          [`warn_${idOf(first.code)}`, [...dueOf.keys()]],
        );
        const n = Number(rows[0].n);
        if (n >= timers || Date.now() > deadline) return n;
        run.log(`  Flowable timers fired ${n}/${timers}`);
        await sleep(5000);
      }
    });
    const { rows: firedRows } = await flowPg.query<{ pi: string; at: string }>(
      // The boundary event's activity instance starts when its task is entered (the timer is
      // set) and ends when the timer fires and the event is taken.
      `SELECT proc_inst_id_ AS pi, (extract(epoch FROM end_time_) * 1000)::bigint AS at FROM act_hi_actinst WHERE act_id_ = $1 AND proc_inst_id_ = ANY($2) AND end_time_ IS NOT NULL`,
      [`warn_${idOf(first.code)}`, [...dueOf.keys()]],
    );
    const fLate = summarize(firedRows.map((r) => Number(r.at) - dueOf.get(r.pi)!));
    run.log(`timers (Flowable): ${firedRows.length} fired; lateness ${JSON.stringify(fLate)}`);
    const metrics = (await fc.request('GET', '/metrics', { ok: [200] })).body;
    out.flowable = {
      prepareSeconds: fPrepS,
      prepareCpu: cpuOf(fCpu.cpu, timers),
      memoryBefore: fBefore,
      memoryAfter: fAfter,
      lateness: fLate,
      fired: firedRows.length,
      windowCpu: cpuOf(fWindow.cpu, timers),
      metricsAfter: metrics,
    };
    results.timers = out;
    save('timers');
  }

  // --- 4. recovery -----------------------------------------------------------------------------
  if (!skip.has('recovery')) {
    run.log(`recovery (Flowable): ${recoveryProjects} processes with PLAN accepted…`);
    const targets = (await flowPrepare(recoveryProjects, 'recovery')).flatMap((p) =>
      p.tasks.map((t) => ({ ...t, pi: p.pi })),
    );
    let done = 0;
    let killedAt = 0;
    let upAt = 0;
    let inFlightAtKill = 0;
    let sent = 0;
    const outcome = new Map<string, { acked: boolean; attempts: number; statuses: string[] }>();
    const fault = (async () => {
      while (done < targets.length / 4) await sleep(20);
      inFlightAtKill = sent - done;
      run.log(
        `recovery (Flowable): kill -9 the JVM (${done} answered, ${inFlightAtKill} in flight)`,
      );
      killedAt = Date.now();
      await flowable.kill();
      await sleep(5000);
      await flowable.start();
      upAt = Date.now();
    })();
    await mapLimit(targets, 24, async (t) => {
      sent++;
      const o = { acked: false, attempts: 0, statuses: [] as string[] };
      outcome.set(t.id, o);
      const deadline = Date.now() + 600_000;
      while (Date.now() < deadline) {
        o.attempts++;
        const a = await fc.send('POST', `/tasks/${t.id}/complete`, {
          body: { transient: { decision: 'APPROVE' } },
          timeoutMs: 8000,
        });
        o.statuses.push(String(a.status));
        // 404 on a retry: the task is gone, i.e. an earlier attempt committed.
        if (a.status === 200 || (a.status === 404 && o.attempts > 1)) {
          o.acked = true;
          break;
        }
        await sleep(a.status === 409 ? 10 : 250);
      }
      done++;
    });
    await fault;
    const ids = targets.map((t) => t.id);
    const { rows: ended } = await flowPg.query<{ id: string }>(
      'SELECT id_ AS id FROM act_hi_taskinst WHERE id_ = ANY($1) AND end_time_ IS NOT NULL',
      [ids],
    );
    const endedSet = new Set(ended.map((r) => r.id));
    const pis = [...new Set(targets.map((t) => t.pi))];
    const { rows: doubledRows } = await flowPg.query<{ pi: string; act: string; n: string }>(
      `SELECT proc_inst_id_ AS pi, act_id_ AS act, count(*) AS n FROM act_hi_actinst
        WHERE proc_inst_id_ = ANY($1) AND (act_id_ LIKE 'split\\_%' OR act_id_ LIKE 'review\\_%')
        GROUP BY 1, 2 HAVING count(*) > 1`,
      [pis],
    );
    const acked = [...outcome.values()].filter((o) => o.acked).length;
    const lost = targets.filter((t) => outcome.get(t.id)?.acked && !endedSet.has(t.id)).length;
    const unanswered = targets.filter((t) => !outcome.get(t.id)?.acked).length;
    const flowRec = {
      completions: targets.length,
      acked,
      applied: endedSet.size,
      lost,
      doubled: doubledRows.length,
      unanswered,
      inFlightAtKill,
      downMs: upAt - killedAt,
      retried: [...outcome.values()].filter((o) => o.attempts > 1).length,
      statuses: tally([...outcome.values()].flatMap((o) => o.statuses)),
    };
    run.log(`recovery (Flowable): ${JSON.stringify(flowRec)}`);
    results.recovery = { flowable: flowRec };
    save('recovery (Flowable)');
  }

  // Stop both stacks before ours' recovery, which runs its own (bench/faults/worker-kill.ts).
  const memoryAtEnd = {
    worker: procMemory(stack.children.find((c) => c.name === 'worker')!.pid),
    flowable: flowable.pid ? procMemory(flowable.pid) : undefined,
  };
  endPools();
  await Promise.all([flowPg.end(), oursPg.end()]);
  await flowable.stop();
  await stack.stop();

  if (!skip.has('recovery')) {
    run.log(
      `recovery (ours): bench/faults/worker-kill.ts with FAULT_PROJECTS=${recoveryProjects}…`,
    );
    const file = join(ROOT, 'bench', 'results', 'faults-worker-kill.json');
    const saved = `${file}.peer-saved`;
    if (existsSync(file)) copyFileSync(file, saved);
    const code = await new Promise<number | null>((res) => {
      const child = spawn(
        process.execPath,
        [
          join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
          join(ROOT, 'bench', 'faults', 'worker-kill.ts'),
        ],
        {
          cwd: ROOT,
          env: { ...process.env, FAULT_PROJECTS: String(recoveryProjects) },
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      const unregister = onCleanup('worker-kill fault', () => void child.kill('SIGTERM'));
      child.stdout.on('data', (b: Buffer) =>
        b
          .toString('utf8')
          .split('\n')
          .filter((l) => l.trim())
          .forEach((l) => run.log(`  [worker-kill] ${l}`)),
      );
      child.once('exit', (c) => {
        unregister();
        res(c);
      });
    });
    if (!existsSync(file)) throw new Error(`worker-kill wrote no ${file} (exit ${code})`);
    const fault = JSON.parse(readFileSync(file, 'utf8')) as {
      result: string;
      checks: { name: string; pass: boolean; detail: string }[];
      data: Record<string, unknown>;
    };
    if (existsSync(saved)) {
      copyFileSync(saved, file);
      unlinkSync(saved);
    }
    (results.recovery as Record<string, unknown>).ours = {
      exitCode: code,
      result: fault.result,
      checks: fault.checks,
      config: fault.data.config,
      decisionStatusesAroundFault: fault.data.decisionStatusesAroundFault,
    };
  }

  await run.snapshotLoad('after');
  const data = {
    name: 'peer-flowable',
    ...run.conditions(),
    complete: true,
    flowable: {
      engine:
        'org.flowable:flowable-engine 7.2.0, embedded, StandaloneProcessEngineConfiguration, async executor on, history audit, JDBC pool 10',
      jvm: 'OpenJDK 17, default heap and GC',
      interface: 'bench/peers/flowable Main: JDK com.sun.net.httpserver, 100 threads, JSON',
      model: model.summary,
      modelGeneratedBy:
        'bench/peers/flowable/model.ts (the Node driver) from checklist(EXAMPLE_ANSWERS.school)',
    },
    durability,
    options: {
      startLevels,
      officerLevels,
      seconds,
      decisionProjects,
      timers,
      windowS,
      recoveryProjects,
    },
    memoryAtEnd,
    results,
  };
  const files = writeResults('peer-flowable', data, chart(data.results, run.machine.cores));
  run.log(`wrote ${files.join(', ')}`);
  process.stdout.write(`\n${markdown(data.results)}\n`);
});

async function pgSettings(pool: Pool) {
  const { rows } = await pool.query<{ name: string; setting: string }>(
    `SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'wal_sync_method', 'full_page_writes')`,
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.setting]));
}

/**
 * Round-robin over the projects (the first ready item of every project, then the second, …),
 * the same order on both sides: concurrent decisions mostly touch different projects, as
 * officers of different departments on different files would.
 */
function interleave<T>(list: T[], projectOf: (t: T) => string): T[] {
  const by = new Map<string, T[]>();
  for (const t of list) by.set(projectOf(t), [...(by.get(projectOf(t)) ?? []), t]);
  const out: T[] = [];
  for (let i = 0; out.length < list.length; i++)
    for (const ts of by.values()) if (i < ts.length) out.push(ts[i]);
  return out;
}

function tally(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

interface SideResult {
  /** Set when the side stalled: what was seen; its figures are NaN. */
  stalled?: string;
  rate: number;
  latency: LatencySummary;
  visible?: LatencySummary;
  cpu: { perOperationMs: Record<string, number>; cores: Record<string, number> };
}

/** A stalled measurement: its error, and figures the tables print as “–”. */
function stalledResult(side: Side, err: LoadStalled) {
  const none = {
    count: err.completed,
    minMs: NaN,
    meanMs: NaN,
    p50Ms: NaN,
    p90Ms: NaN,
    p99Ms: NaN,
    maxMs: NaN,
  };
  return {
    side,
    stalled: err.message,
    completed: err.completed,
    rate: NaN,
    latency: none satisfies LatencySummary,
    cpu: { perOperationMs: {} as Record<string, number>, cores: {} as Record<string, number> },
  };
}

function chart(results: Record<string, unknown>, cores: number): string {
  const panels = [];
  const start = (results.start ?? []) as ({ concurrency: number } & Record<Side, SideResult>)[];
  if (start.length) {
    panels.push(
      barChart({
        title: 'Project start: starts/s (higher is better)',
        subtitle:
          'ours: POST /api/projects → workflow → read model; Flowable: start the process instance',
        categories: start.map((l) => `c=${l.concurrency}`),
        series: [
          { name: 'ours', values: start.map((l) => l.ours.rate) },
          { name: 'Flowable', values: start.map((l) => l.flowable.rate) },
        ],
        unit: 'starts/s',
      }),
    );
  }
  const dec = (results.decisions ?? []) as ({ concurrency: number } & Record<Side, SideResult>)[];
  if (dec.length) {
    panels.push(
      barChart({
        title: 'Officer approval: p50 / p99 ms until visible in a query (lower is better)',
        categories: dec.map((l) => `${l.concurrency} officers`),
        series: [
          { name: 'ours p50', values: dec.map((l) => l.ours.visible?.p50Ms ?? null) },
          { name: 'ours p99', values: dec.map((l) => l.ours.visible?.p99Ms ?? null) },
          { name: 'Flowable p50', values: dec.map((l) => l.flowable.visible?.p50Ms ?? null) },
          { name: 'Flowable p99', values: dec.map((l) => l.flowable.visible?.p99Ms ?? null) },
        ],
        unit: 'ms',
      }),
    );
  }
  const cpuRows = [...start, ...dec];
  if (cpuRows.length) {
    panels.push(
      barChart({
        title: 'CPU ms per operation, all our processes vs the Flowable JVM + PostgreSQL',
        categories: [
          ...start.map((l) => `start c=${l.concurrency}`),
          ...dec.map((l) => `approve c=${l.concurrency}`),
        ],
        series: [
          {
            name: 'ours (API + worker + dev server + PostgreSQL)',
            values: cpuRows.map((l) => oursCpu(l.ours.cpu.perOperationMs)),
          },
          {
            name: 'Flowable (JVM + PostgreSQL)',
            values: cpuRows.map(
              (l) =>
                (l.flowable.cpu.perOperationMs['Flowable JVM'] ?? 0) +
                (l.flowable.cpu.perOperationMs.PostgreSQL ?? 0),
            ),
          },
        ],
        unit: 'CPU ms',
      }),
    );
  }
  void cpuPanel;
  void cores;
  return svgDocument(panels);
}

/** CPU ms per operation of our side's servers (client and the Flowable JVM left out). */
export function oursCpu(per: Record<string, number>): number {
  return round(
    ['api', 'worker', 'Temporal dev server', 'PostgreSQL'].reduce((a, k) => a + (per[k] ?? 0), 0),
    1,
  );
}

const f0 = (v: number | undefined) =>
  v === undefined || !Number.isFinite(v) ? '–' : Math.round(v).toLocaleString('en-US');
const f2 = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(2));

/** The side-by-side tables for bench/README.md, from the results. */
export function markdown(results: Record<string, unknown>): string {
  const lines: string[] = [];
  const start = (results.start ?? []) as ({ concurrency: number } & Record<Side, SideResult>)[];
  const flowCpu = (per: Record<string, number>) =>
    round((per['Flowable JVM'] ?? 0) + (per.PostgreSQL ?? 0), 1);
  const other = (r: SideResult) => f2(r.cpu.cores.other);
  if (start.length) {
    lines.push(
      '| concurrency | ours starts/s | Flowable starts/s | ours p50 / p99 ms | Flowable p50 / p99 ms | CPU ms per start: ours / Flowable | not ours (ours / Flowable run) |',
      '| ----------: | ------------: | ----------------: | ----------------- | --------------------- | --------------------------------- | ------------------------------ |',
    );
    for (const l of start)
      lines.push(
        `| ${l.concurrency} | ${f2(l.ours.rate)} | ${f2(l.flowable.rate)} | ${f0(l.ours.latency.p50Ms)} / ${f0(l.ours.latency.p99Ms)} | ${f0(l.flowable.latency.p50Ms)} / ${f0(l.flowable.latency.p99Ms)} | ${oursCpu(l.ours.cpu.perOperationMs)} / ${flowCpu(l.flowable.cpu.perOperationMs)} | ${other(l.ours)} / ${other(l.flowable)} cores |`,
      );
    lines.push('');
  }
  const dec = (results.decisions ?? []) as ({ concurrency: number } & Record<
    Side,
    SideResult & { completed: number; lockRetries: number }
  >)[];
  if (dec.length) {
    lines.push(
      '| officers | ours approve p50 / p99 ms | Flowable approve p50 / p99 ms | ours visible p50 / p99 ms | Flowable visible p50 / p99 ms | approvals/s ours / Flowable | CPU ms per approval: ours / Flowable | Flowable lock retries | not ours (ours / Flowable run) |',
      '| -------: | ------------------------- | ----------------------------- | ------------------------- | ----------------------------- | --------------------------- | ------------------------------------ | --------------------: | ------------------------------ |',
    );
    for (const l of dec)
      lines.push(
        `| ${l.concurrency} | ${f0(l.ours.latency.p50Ms)} / ${f0(l.ours.latency.p99Ms)} | ${f0(l.flowable.latency.p50Ms)} / ${f0(l.flowable.latency.p99Ms)} | ${f0(l.ours.visible?.p50Ms)} / ${f0(l.ours.visible?.p99Ms)} | ${f0(l.flowable.visible?.p50Ms)} / ${f0(l.flowable.visible?.p99Ms)} | ${f2(l.ours.rate)} / ${f2(l.flowable.rate)} | ${oursCpu(l.ours.cpu.perOperationMs)} / ${flowCpu(l.flowable.cpu.perOperationMs)} | ${l.flowable.lockRetries} of ${l.flowable.completed} | ${other(l.ours)} / ${other(l.flowable)} cores |`,
      );
    lines.push('');
  }
  const t = results.timers as
    | {
        projects: number;
        windowS: number;
        ours: {
          workerMemoryBefore?: { rssMB: number };
          workerMemoryAfter?: { rssMB: number };
          lateness: LatencySummary;
          prepareSeconds: number;
        };
        flowable: {
          memoryBefore: { rss?: { rssMB: number }; heap: { heapUsedBytes: number } };
          memoryAfter: { rss?: { rssMB: number }; heap: { heapUsedBytes: number } };
          lateness: LatencySummary;
          prepareSeconds: number;
        };
      }
    | undefined;
  if (t) {
    const mb = (b: number) => (b / 1048576).toFixed(0);
    lines.push(
      `| ${t.projects} projects waiting on timers | ours | Flowable |`,
      '| --- | --- | --- |',
      `| engine process RSS before → after (MB) | worker ${f0(t.ours.workerMemoryBefore?.rssMB)} → ${f0(t.ours.workerMemoryAfter?.rssMB)} | JVM ${f0(t.flowable.memoryBefore.rss?.rssMB)} → ${f0(t.flowable.memoryAfter.rss?.rssMB)} (heap after GC ${mb(t.flowable.memoryBefore.heap.heapUsedBytes)} → ${mb(t.flowable.memoryAfter.heap.heapUsedBytes)}) |`,
      `| ${t.projects} timers due in ${t.windowS} s: late p50 / p99 / max ms | ${f0(t.ours.lateness.p50Ms)} / ${f0(t.ours.lateness.p99Ms)} / ${f0(t.ours.lateness.maxMs)} (${t.ours.lateness.count} fired) | ${f0(t.flowable.lateness.p50Ms)} / ${f0(t.flowable.lateness.p99Ms)} / ${f0(t.flowable.lateness.maxMs)} (${t.flowable.lateness.count} fired) |`,
      `| preparing them (s) | ${t.ours.prepareSeconds} | ${t.flowable.prepareSeconds} |`,
      '',
    );
  }
  const rec = results.recovery as
    | {
        flowable?: Record<string, number>;
        ours?: { result: string; checks: { name: string; pass: boolean; detail: string }[] };
      }
    | undefined;
  if (rec?.flowable) {
    const r = rec.flowable;
    lines.push(
      `Flowable, kill -9 of the JVM: ${r.completions} completions, ${r.acked} answered 2xx (or 404 on a retry after an attempt that had committed), ${r.applied} applied, **${r.lost} lost, ${r.doubled} doubled**, ${r.unanswered} unanswered; ${r.inFlightAtKill} in flight at the kill; down ${f0(r.downMs)} ms (kill to answering again).`,
    );
  }
  if (rec?.ours) {
    lines.push(
      `Ours, bench/faults/worker-kill.ts: ${rec.ours.result}; ${rec.ours.checks.map((c) => `${c.pass ? 'ok' : 'FAIL'} ${c.name} (${c.detail})`).join('; ')}.`,
    );
  }
  // A side that stopped answering in a measurement: “–” in the tables, and what was seen.
  for (const l of [...start, ...dec])
    for (const side of ['ours', 'flowable'] as const)
      if (l[side]?.stalled) lines.push(`Stalled (${side}): ${l[side].stalled}.`);
  return lines.join('\n');
}
