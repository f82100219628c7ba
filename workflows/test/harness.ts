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
import { Worker } from '@temporalio/worker';
import type { WorkflowHandle } from '@temporalio/client';
import type { ProjectionInput } from '../../activities/projection.activities';
import { Actor, Command, ProjectWorkflowInput, ProjectState } from '../../libs/approval/src';
import { chineseDaysSnapshot } from '../../libs/calendar/src';
import { DEFAULT_WARNING } from '../../libs/domain/src';
import { freePort, setupScript, waitFor } from '../../libs/embedded/src';
import { projectCommandUpdate, projectStateQuery } from '../../libs/temporal/src/project';
import type { projectWorkflow } from '../project.workflow';

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
  last(projectId: string) {
    return [...this.writes].reverse().find((w) => w.state.projectId === projectId)!;
  }
}

export async function makeWorker(env: TestWorkflowEnvironment, readModel: ReadModel) {
  const taskQueue = `test-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath: require.resolve('../index'),
    activities: { projectState: readModel.projectState },
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
