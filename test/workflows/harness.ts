/**
 * Time-skipping test kit for the project workflow: Temporal's Java test server (fetched by
 * scripts/setup.js), started at a fixed instant with libfaketime so tests can walk through real
 * holiday periods of the past (Spring Festival 2026) with hard-coded expected dates.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { ApplicationFailure, WorkflowClient, WorkflowUpdateFailedError } from '@temporalio/client';
import type { WorkflowHandle } from '@temporalio/client';
import type { ProjectionInput } from '../../activities/projection.activities';
import {
  Actor,
  Command,
  ProjectWorkflowInput,
  ProjectState,
  workflowItems,
} from '../../libs/approval/src';
import { chineseDaysSnapshot } from '../../libs/calendar/src';
import { DEFAULT_WARNING, checklist, policyFor } from '../../libs/domain/src';
import { freePort, registerSearchAttributes, setupScript, waitFor } from '../../libs/embedded/src';
import {
  projectCommandUpdate,
  projectReportQuery,
  projectStateQuery,
} from '../../libs/temporal/src';
import type { projectWorkflow } from '../../workflows/project.workflow';

export interface TimeSkippingEnv {
  env: TestWorkflowEnvironment;
  stop(): Promise<void>;
}

/**
 * A time-skipping server whose clock starts at `startAt` (ISO instant). We start the server
 * ourselves (the SDK gives an `existing-path` server only 5 s, which a JVM under libfaketime on
 * two busy cores does not always make) and connect the environment to it.
 */
export async function startEnv(startAt: string): Promise<TimeSkippingEnv> {
  const server = setupScript().ensureTestServer();
  const lib = FAKETIME_LIBS.find((p) => existsSync(p));
  if (!lib)
    throw new Error('these tests need libfaketime: apt-get install faketime (CI installs it)');
  const offset = Math.round((Date.parse(startAt) - Date.now()) / 1000);
  const port = await freePort();
  const child = spawn(server, [String(port), '--enable-time-skipping'], {
    stdio: 'ignore',
    env: {
      ...process.env,
      LD_PRELOAD: lib,
      FAKETIME: `${offset >= 0 ? '+' : ''}${offset}`,
      FAKETIME_DONT_FAKE_MONOTONIC: '1',
      // glibc builds enable libfaketime's "monotonic fix" by default, which makes the JVM's timed
      // waits (gRPC, locks) overshoot: ~300 ms per request and a 15 s start instead of ~3 ms and
      // ~1.5 s. Monotonic time is not faked here, so the fix has nothing to fix.
      FAKETIME_FORCE_MONOTONIC_FIX: '0',
    },
  });
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  await waitFor('time-skipping test server', () => tcpOpen(port), {
    timeoutMs: 60_000,
    intervalMs: 200,
  });
  const create = (
    TestWorkflowEnvironment as unknown as { create(o: unknown): Promise<TestWorkflowEnvironment> }
  ).create;
  const env = await create.call(TestWorkflowEnvironment, {
    server: { type: 'existing' },
    address: `127.0.0.1:${port}`,
    namespace: 'default',
    supportsTimeSkipping: true,
  });
  // As the SDK's own environment does: time moves only while a test sleeps or awaits a result.
  await env.connection.testService!.lockTimeSkipping({});
  // The workflow keeps its search attributes current; this server refuses unknown ones.
  await registerSearchAttributes(env.connection, 'default');
  return {
    env,
    async stop() {
      await env.teardown().catch(() => undefined);
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(t);
    },
  };
}

function tcpOpen(port: number): Promise<boolean> {
  return new Promise((res) => {
    const s = connect({ host: '127.0.0.1', port });
    s.once('connect', () => (s.destroy(), res(true)));
    s.once('error', () => res(false));
  });
}

const FAKETIME_LIBS = [
  '/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1',
  '/usr/lib/aarch64-linux-gnu/faketime/libfaketimeMT.so.1',
  '/usr/lib/faketime/libfaketimeMT.so.1',
  '/usr/local/lib/faketime/libfaketimeMT.so.1',
];

export class ReadModel {
  readonly writes: ProjectionInput[] = [];
  readonly projectState = jest.fn(async (input: ProjectionInput) => {
    this.writes.push(JSON.parse(JSON.stringify(input)) as ProjectionInput);
    return { applied: true };
  });
  events(projectId?: string) {
    return this.writes
      .filter((w) => !projectId || w.state.projectId === projectId)
      .flatMap((w) => w.events);
  }
  notices(projectId?: string) {
    return this.writes
      .filter((w) => !projectId || w.state.projectId === projectId)
      .flatMap((w) => w.notices);
  }
  /** The last write, with every item as the read model holds it (a write may carry only the changed ones). */
  last(projectId: string) {
    const mine = this.writes.filter((w) => w.state.projectId === projectId);
    const items = new Map(mine.flatMap((w) => w.items).map((i) => [i.code, i]));
    const last = mine[mine.length - 1];
    return { ...last, items: last.state.items.map((i) => items.get(i.code)!) };
  }
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;
/** The workflow code, bundled once per test file (a worker per test then starts in ~100 ms). */
export const workflowBundle = () =>
  (bundle ??= bundleWorkflowCode({
    workflowsPath: require.resolve('../../workflows'),
    logger: {
      log() {},
      trace() {},
      debug() {},
      info() {},
      warn: console.warn,
      error: console.error,
    },
  }));

export async function makeWorker(
  env: TestWorkflowEnvironment,
  readModel: ReadModel,
  activities: Record<string, (...args: never[]) => Promise<unknown>> = {},
) {
  const taskQueue = `test-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: await workflowBundle(),
    activities: { projectState: readModel.projectState, ...activities },
  });
  return { worker, taskQueue };
}

let snapshot: ReturnType<typeof chineseDaysSnapshot> | undefined;
export const calendarSnapshot = () => (snapshot ??= chineseDaysSnapshot());

type ItemSpec = Partial<ProjectWorkflowInput['items'][number]> & { code: string };

export function projectInput(
  items: ItemSpec[],
  over: Partial<ProjectWorkflowInput> = {},
): ProjectWorkflowInput {
  return {
    projectId: randomUUID(),
    name: 'Test school',
    type: 'GOVERNMENT_INVESTED',
    region: 'CN',
    ownerOrganisation: 'org-a',
    limitDays: 80,
    stageBudgets: null,
    warning: DEFAULT_WARNING,
    calendar: calendarSnapshot(),
    createdBy: actors.applicant,
    items: items.map((i) => ({
      name: i.code,
      nameEn: i.code,
      department: 'NRP',
      stage: 'PLAN',
      theme: 'LAND_SITE',
      themeName: '用地',
      limitDays: 10,
      statutoryLimitDays: 20,
      prerequisites: [],
      jointProcedure: null,
      ...i,
    })),
    ...over,
  };
}

export const actors = {
  applicant: { username: 'applicant', role: 'APPLICANT', organisation: 'org-a' } as Actor,
  window: { username: 'window', role: 'WINDOW_OFFICER' } as Actor,
  officer: (department: string): Actor => ({
    username: `officer.${department}`,
    role: 'REVIEWING_OFFICER',
    department,
  }),
  head: (department: string): Actor => ({
    username: `head.${department}`,
    role: 'DEPARTMENT_HEAD',
    department,
  }),
};

export type ProjectHandle = WorkflowHandle<typeof projectWorkflow>;

export function send(h: ProjectHandle, actor: Actor, command: Command, requestId?: string) {
  return h.executeUpdate(projectCommandUpdate, {
    args: [{ actor, command, requestId }],
    ...(requestId ? { updateId: requestId } : {}),
  });
}

export const stateOf = (h: ProjectHandle): Promise<ProjectState> => h.query(projectStateQuery);
export const reportOf = (h: ProjectHandle) => h.query(projectReportQuery);
export const item = (s: ProjectState, code: string) => s.items.find((i) => i.code === code)!;

/** Submit and accept the current stage. */
export async function openStage(
  h: ProjectHandle,
  stage: 'PLAN' | 'START_PERMIT' | 'COMPLETION' = 'PLAN',
) {
  await send(h, actors.applicant, { kind: 'SUBMIT_STAGE', stage });
  await send(h, actors.window, { kind: 'ACCEPT_STAGE', stage, decision: 'ACCEPT' });
}

export const hours = (h: number) => h * 3_600_000;

/** An instant that a timer firing at `expected` produced (timers fire a few ms late). */
export function expectInstant(actual: string, expected: string) {
  const delta = Date.parse(actual) - Date.parse(expected);
  expect(delta).toBeGreaterThanOrEqual(0);
  expect(delta).toBeLessThan(5_000);
}

/** Moves the server clock forward to `iso` (tests sharing one env pin their start this way). */
export async function sleepUntil(env: TestWorkflowEnvironment, iso: string) {
  const now = await env.currentTimeMs();
  const ms = Date.parse(iso) - now;
  if (ms < 0)
    throw new Error(`the test clock is already past ${iso}: ${new Date(now).toISOString()}`);
  if (ms > 0) await env.sleep(ms);
}

/**
 * The result of a workflow that has already completed, WITHOUT unlocking time skipping as
 * `env.client`'s `result()` does: unlocked, the test server jumps to the next timer it still
 * holds (cancelled ones included), which moves the clock of every later test in the file.
 */
export function completedResult(env: TestWorkflowEnvironment, h: ProjectHandle) {
  return new WorkflowClient({ connection: env.connection })
    .getHandle<typeof projectWorkflow>(h.workflowId)
    .result();
}

/** Retries `check` (an assertion) until it passes: for effects of a signal, which has no reply. */
export async function eventually(check: () => unknown, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((res) => setTimeout(res, 50));
    }
  }
}

/** The refusal a command met: the Update failed and its cause is the validator's failure. */
export async function refusal(p: Promise<unknown>): Promise<{ type: string; message: string }> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (err as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  return {
    type: (cause as ApplicationFailure).type!,
    message: (cause as ApplicationFailure).message,
  };
}

/**
 * A project built from a real checklist (`checklist(answers)` of libs/domain), as the API
 * would start it: the checklist's items with their theme names, the project type's policy.
 */
export function checklistInput(
  answers: Record<string, unknown>,
  over: Partial<ProjectWorkflowInput> = {},
): ProjectWorkflowInput {
  const list = checklist(answers);
  const policy = policyFor(list.projectType);
  return projectInput([], {
    type: list.projectType,
    limitDays: list.limitDays,
    stageBudgets: policy.stageBudgets,
    warning: policy.warning,
    // The clocks are what these tests are about: the items without their materials, as projects
    // started before materials run (test/materials.e2e-spec.ts and libs/approval test those).
    items: workflowItems(list).map(({ materials: _, ...item }) => item),
    ...over,
  });
}
