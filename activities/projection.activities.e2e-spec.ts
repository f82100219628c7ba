import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type {
  ItemState,
  ItemStatus,
  Notice,
  ProjectState,
  TimelineEvent,
} from '../libs/approval/src';
import { parseDatabaseConfig } from '../libs/config/src';
import {
  NoticeRecord,
  ProjectItemRecord,
  ProjectRecord,
  TimelineEventRecord,
  dataSourceOptions,
  openDataSource,
} from '../libs/persistence/src';
import { TcpProxy } from '../test/tcp-proxy';
import {
  PROJECTION_INPUT_INVALID,
  ProjectionInput,
  ProjectionItem,
  createProjectionActivities,
} from './projection.activities';

// ── a social-investment project (35 working days) with PLAN accepted on Monday 2025-03-03 ──────

type ItemSpec = Pick<
  ItemState,
  'code' | 'name' | 'department' | 'stage' | 'theme' | 'themeName' | 'limitDays'
>;
const ITEMS: ItemSpec[] = [
  {
    code: 'LAND_PRE_REVIEW',
    name: '用地预审',
    department: 'NRP',
    stage: 'PLAN',
    theme: 'LAND_SITE',
    themeName: '用地与选址',
    limitDays: 5,
  },
  {
    code: 'EIA_TABLE',
    name: '环境影响报告表审批',
    department: 'EEB',
    stage: 'PLAN',
    theme: 'ASSESSMENTS',
    themeName: '评估评价（多评合一）',
    limitDays: 5,
  },
  {
    code: 'SOIL_WATER',
    name: '水土保持方案审批',
    department: 'WRB',
    stage: 'PLAN',
    theme: 'ASSESSMENTS',
    themeName: '评估评价（多评合一）',
    limitDays: 5,
  },
  {
    code: 'PLANNING_PERMIT',
    name: '建设工程规划许可证核发',
    department: 'NRP',
    stage: 'START_PERMIT',
    theme: 'DESIGN_PLANNING',
    themeName: '设计方案与工程规划许可',
    limitDays: 3,
  },
  {
    code: 'CONSTRUCTION_PERMIT',
    name: '建筑工程施工许可证核发',
    department: 'HCD',
    stage: 'START_PERMIT',
    theme: 'CONSTRUCTION_PERMIT',
    themeName: '施工许可',
    limitDays: 3,
  },
];

function item(projectId: string, spec: ItemSpec, patch: Partial<ItemState> = {}): ItemState {
  const running = spec.stage === 'PLAN';
  return {
    ...spec,
    nameEn: spec.code,
    statutoryLimitDays: 20,
    extensionDays: 0,
    prerequisites: [],
    jointProcedure: null,
    status: running ? 'UNDER_REVIEW' : 'PENDING',
    round: 1,
    taskId: `${projectId}:${spec.code}`,
    intervals: running ? [{ from: '2025-03-03' }] : [],
    pastIntervals: [],
    pauses: [],
    deficiencies: [],
    risk: 'ON_TRACK',
    ...patch,
  };
}

const event = (seq: number, at: string, type: string, extra: Partial<TimelineEvent> = {}) => ({
  seq,
  at,
  actor: 'applicant',
  role: 'APPLICANT',
  type,
  ...extra,
});

/** Seq 3: created, PLAN submitted, PLAN accepted — its three items run. */
function acceptedPlan(projectId: string): ProjectionInput {
  const state: ProjectState = {
    projectId,
    name: '潍坊滨海物流园一期',
    type: 'SOCIAL_INVESTMENT',
    region: '370700',
    ownerOrganisation: 'org-weifang-logistics',
    status: 'IN_PROGRESS',
    stage: 'PLAN',
    limitDays: 35,
    stageBudgets: null,
    warning: { usedPercent: 80, daysLeft: 3 },
    stages: [
      {
        code: 'PLAN',
        status: 'IN_REVIEW',
        submittedOn: '2025-03-03',
        acceptedOn: '2025-03-03',
        submissions: 1,
      },
      { code: 'START_PERMIT', status: 'NOT_STARTED', submissions: 0 },
      { code: 'COMPLETION', status: 'NOT_STARTED', submissions: 0 },
    ],
    items: ITEMS.map((s) => item(projectId, s)),
    jointProcedures: [],
    risk: 'ON_TRACK',
    calendarVersion: 'cn-2025.1',
    seq: 3,
    createdAt: '2025-03-03T01:15:00.000Z',
    recentRequests: ['req-create', 'req-submit', 'req-accept'],
  };
  return {
    state,
    items: ITEMS.map((s): ProjectionItem => ({
      code: s.code,
      dueDate: s.stage === 'PLAN' ? '2025-03-10' : null,
      risk: 'ON_TRACK',
      usedDays: 0,
    })),
    projectClock: { usedDays: 0, remainingDays: 35, risk: 'ON_TRACK', dueDate: '2025-04-22' },
    events: [
      event(1, '2025-03-03T01:15:00.000Z', 'PROJECT_CREATED'),
      event(2, '2025-03-03T01:20:00.000Z', 'STAGE_SUBMITTED', { stage: 'PLAN' }),
      event(3, '2025-03-03T02:00:00.000Z', 'STAGE_ACCEPTED', {
        actor: 'window',
        role: 'WINDOW_OFFICER',
        stage: 'PLAN',
        clockEffect: 'STARTED',
      }),
    ],
    notices: [],
  };
}

/**
 * Seq 6 (Thursday 2025-03-06): land pre-review approved, a supplement requested on the EIA
 * table (its clock stops, the applicant is told), soil & water at risk with 2 of 5 days left.
 */
function decidedPlan(projectId: string): ProjectionInput {
  const base = acceptedPlan(projectId);
  const items = base.state.items.map((i) => {
    switch (i.code) {
      case 'LAND_PRE_REVIEW':
        return {
          ...i,
          status: 'APPROVED' as const,
          intervals: [{ from: '2025-03-03', to: '2025-03-06' }],
          decidedOn: '2025-03-06',
        };
      case 'EIA_TABLE':
        return {
          ...i,
          status: 'SUPPLEMENT_REQUESTED' as const,
          intervals: [{ from: '2025-03-03', to: '2025-03-05' }],
          pauses: [{ from: '2025-03-05', reason: 'SUPPLEMENT' as const }],
        };
      case 'SOIL_WATER':
        return { ...i, risk: 'AT_RISK' as const };
      default:
        return i;
    }
  });
  return {
    state: { ...base.state, items, seq: 6, recentRequests: [...base.state.recentRequests, 'd1'] },
    items: [
      { code: 'LAND_PRE_REVIEW', dueDate: null, risk: 'ON_TRACK', usedDays: 3 },
      { code: 'EIA_TABLE', dueDate: null, risk: 'ON_TRACK', usedDays: 2 },
      { code: 'SOIL_WATER', dueDate: '2025-03-10', risk: 'AT_RISK', usedDays: 3 },
      { code: 'PLANNING_PERMIT', dueDate: null, risk: 'ON_TRACK', usedDays: 0 },
      { code: 'CONSTRUCTION_PERMIT', dueDate: null, risk: 'ON_TRACK', usedDays: 0 },
    ],
    projectClock: { usedDays: 3, remainingDays: 32, risk: 'ON_TRACK', dueDate: '2025-04-22' },
    events: [
      event(4, '2025-03-05T06:00:00.000Z', 'SUPPLEMENT_REQUESTED', {
        actor: 'officer.EEB',
        role: 'OFFICER',
        stage: 'PLAN',
        itemCode: 'EIA_TABLE',
        detail: { comment: '请补充噪声监测报告 "夜间"', requested: ['noise report'] },
        clockEffect: 'STOPPED',
      }),
      event(6, '2025-03-06T03:30:00.000Z', 'ITEM_APPROVED', {
        actor: 'officer.NRP',
        role: 'OFFICER',
        stage: 'PLAN',
        itemCode: 'LAND_PRE_REVIEW',
        clockEffect: 'ENDED',
      }),
    ],
    notices: [
      {
        seq: 5,
        at: '2025-03-05T06:00:00.000Z',
        recipientRole: 'APPLICANT',
        organisation: 'org-weifang-logistics',
        kind: 'CLOCK_STOPPED',
        itemCode: 'EIA_TABLE',
        message: '环评报告表审批计时暂停：待补正材料',
      } satisfies Notice,
    ],
  };
}

/** Failures are what several tests expect: keep the SDK's per-failure warning out of the output. */
const activityEnv = () =>
  new MockActivityEnvironment(undefined, { logger: new DefaultLogger('ERROR') });

describe('projectState: the read model written by the project workflow (real PostgreSQL)', () => {
  let ds: DataSource;
  let projectState: ReturnType<typeof createProjectionActivities>['projectState'];

  const run = (input: ProjectionInput) => activityEnv().run(projectState, input);
  const project = (id: string) => ds.getRepository(ProjectRecord).findOneByOrFail({ id });
  const items = (projectId: string) =>
    ds.getRepository(ProjectItemRecord).find({ where: { projectId }, order: { code: 'ASC' } });
  const events = (projectId: string) =>
    ds.getRepository(TimelineEventRecord).find({ where: { projectId }, order: { seq: 'ASC' } });
  const notices = (projectId: string) =>
    ds.getRepository(NoticeRecord).find({ where: { projectId }, order: { seq: 'ASC' } });
  const byCode = <T extends { code: string }>(rows: T[]) =>
    Object.fromEntries(rows.map((r) => [r.code, r]));

  async function failure(promise: Promise<unknown>): Promise<ApplicationFailure> {
    const err = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ApplicationFailure);
    return err as ApplicationFailure;
  }

  beforeAll(async () => {
    ds = await openDataSource(dataSourceOptions(parseDatabaseConfig(process.env), 'test'));
    projectState = createProjectionActivities({ dataSource: ds }).projectState;
  });
  afterAll(async () => {
    await ds?.destroy();
  });

  it('creates the project, its items, events and notices on the first write', async () => {
    const id = randomUUID();
    const input = decidedPlan(id);
    input.events = [...acceptedPlan(id).events, ...input.events];

    await expect(run(input)).resolves.toEqual({ applied: true });

    const p = await project(id);
    expect(p).toMatchObject({
      name: '潍坊滨海物流园一期',
      type: 'SOCIAL_INVESTMENT',
      region: '370700',
      ownerOrganisation: 'org-weifang-logistics',
      status: 'IN_PROGRESS',
      stage: 'PLAN',
      risk: 'ON_TRACK',
      limitDays: 35,
      usedDays: 3,
      remainingDays: 32,
      dueDate: '2025-04-22',
      calendarVersion: 'cn-2025.1',
      stateSeq: 6,
      createdBy: null,
      idempotencyKey: null,
    });
    expect(p.state).toEqual(input.state);
    expect(p.createdAt.toISOString()).toBe('2025-03-03T01:15:00.000Z');

    const rows = byCode(await items(id));
    expect(Object.keys(rows).sort()).toEqual(ITEMS.map((i) => i.code).sort());
    expect(rows.SOIL_WATER).toMatchObject({
      taskId: `${id}:SOIL_WATER`,
      name: '水土保持方案审批',
      department: 'WRB',
      stage: 'PLAN',
      theme: 'ASSESSMENTS',
      status: 'UNDER_REVIEW',
      risk: 'AT_RISK',
      limitDays: 5,
      usedDays: 3,
      dueDate: '2025-03-10',
      round: 1,
      stateSeq: 6,
    });
    expect(rows.EIA_TABLE).toMatchObject({
      status: 'SUPPLEMENT_REQUESTED',
      dueDate: null,
      usedDays: 2,
    });
    expect(rows.CONSTRUCTION_PERMIT).toMatchObject({
      stage: 'START_PERMIT',
      status: 'PENDING',
      department: 'HCD',
      dueDate: null,
    });

    const ev = await events(id);
    expect(ev.map((e) => e.seq)).toEqual([1, 2, 3, 4, 6]);
    expect(ev[2]).toMatchObject({
      actor: 'window',
      role: 'WINDOW_OFFICER',
      type: 'STAGE_ACCEPTED',
      stage: 'PLAN',
      itemCode: null,
      onBehalfOf: null,
      detail: null,
      clockEffect: 'STARTED',
    });
    expect(ev[2].at.toISOString()).toBe('2025-03-03T02:00:00.000Z');
    expect(ev[3]).toMatchObject({
      itemCode: 'EIA_TABLE',
      detail: { comment: '请补充噪声监测报告 "夜间"', requested: ['noise report'] },
      clockEffect: 'STOPPED',
    });

    const nt = await notices(id);
    expect(nt).toHaveLength(1);
    expect(nt[0]).toMatchObject({
      seq: 5,
      recipientRole: 'APPLICANT',
      organisation: 'org-weifang-logistics',
      department: null,
      kind: 'CLOCK_STOPPED',
      itemCode: 'EIA_TABLE',
      message: '环评报告表审批计时暂停：待补正材料',
      expectedDays: null,
      expectedUntil: null,
      readAt: null,
    });
  });

  it('has one effect when the same input is written twice (a retried activity)', async () => {
    const id = randomUUID();
    const input = acceptedPlan(id);
    await expect(run(input)).resolves.toEqual({ applied: true });
    const before = { p: await project(id), i: await items(id), e: await events(id) };

    // The same task writing again wins the gate, but nothing changes, not even updated_at.
    await expect(run(input)).resolves.toEqual({ applied: true });

    const after = { p: await project(id), i: await items(id), e: await events(id) };
    expect(after).toEqual(before); // same rows, same values, same updated_at
    expect(after.i).toHaveLength(5);
    expect(after.e).toHaveLength(3);
    expect(await notices(id)).toHaveLength(0);
  });

  it('moves forward with a newer seq, touching only the items that changed', async () => {
    const id = randomUUID();
    await run(acceptedPlan(id));
    const old = byCode(await items(id));

    await expect(run(decidedPlan(id))).resolves.toEqual({ applied: true });

    const p = await project(id);
    expect(p).toMatchObject({ stateSeq: 6, usedDays: 3, remainingDays: 32 });
    expect(p.state.seq).toBe(6);
    const rows = byCode(await items(id));
    expect(rows.LAND_PRE_REVIEW).toMatchObject({ status: 'APPROVED', stateSeq: 6, dueDate: null });
    expect(rows.SOIL_WATER).toMatchObject({ risk: 'AT_RISK', usedDays: 3, stateSeq: 6 });
    // A pending item of the next stage did not change: its row keeps the write that made it.
    expect(rows.PLANNING_PERMIT).toEqual(old.PLANNING_PERMIT);
    expect(rows.PLANNING_PERMIT.stateSeq).toBe(3);
    expect((await events(id)).map((e) => e.seq)).toEqual([1, 2, 3, 4, 6]);
  });

  it('ignores the write of an older task arriving after a newer one', async () => {
    const id = randomUUID();
    // The newer task's write (history 20) lands first; the older task's (history 10) comes late.
    await expect(run({ ...decidedPlan(id), fence: { run: 0, history: 20 } })).resolves.toEqual({
      applied: true,
    });
    const newer = { p: await project(id), i: await items(id), e: await events(id) };
    expect(newer.e.map((e) => e.seq)).toEqual([4, 6]);

    await expect(run({ ...acceptedPlan(id), fence: { run: 0, history: 10 } })).resolves.toEqual({
      applied: false,
    });

    const p = await project(id);
    expect(p).toEqual(newer.p);
    expect(p).toMatchObject({ stateSeq: 6, usedDays: 3, fenceHistory: 20 });
    expect(await items(id)).toEqual(newer.i);
    expect(await events(id)).toEqual(newer.e);
    expect((await notices(id)).map((n) => n.seq)).toEqual([5]);
    // A later run (after continue-as-new) wins whatever its history length.
    await expect(run({ ...decidedPlan(id), fence: { run: 1, history: 3 } })).resolves.toEqual({
      applied: true,
    });
    expect(await project(id)).toMatchObject({ fenceRun: 1, fenceHistory: 3 });
  });

  it('never brings back, by a late write of an older task, an item state that a newer write undid', async () => {
    const id = randomUUID();
    // Seq 5 stops the EIA clock for a supplement; seq 6 resumes it the same day. The seq-5
    // write, from an older task, then arrives late.
    const stopped = { ...acceptedPlan(id), fence: { run: 0, history: 8 } };
    stopped.state = {
      ...stopped.state,
      seq: 5,
      items: stopped.state.items.map((i) =>
        i.code === 'EIA_TABLE' ? { ...i, status: 'SUPPLEMENT_REQUESTED' as const } : i,
      ),
    };
    stopped.items = stopped.items.map((i) =>
      i.code === 'EIA_TABLE' ? { ...i, dueDate: null } : i,
    );
    const resumed = { ...acceptedPlan(id), fence: { run: 0, history: 12 } };
    resumed.state = { ...resumed.state, seq: 6 };

    await run({ ...acceptedPlan(id), fence: { run: 0, history: 4 } });
    await expect(run(resumed)).resolves.toEqual({ applied: true });
    expect(byCode(await items(id)).EIA_TABLE.stateSeq).toBe(3);

    await expect(run(stopped)).resolves.toEqual({ applied: false });

    expect(byCode(await items(id)).EIA_TABLE).toMatchObject({
      status: 'UNDER_REVIEW',
      dueDate: '2025-03-10',
      stateSeq: 3,
    });
    expect((await project(id)).stateSeq).toBe(6);
  });

  it('after a crash, the task that replaced an uncommitted one rewrites what it wrote, even with lower seqs', async () => {
    const id = randomUUID();
    const first = { ...acceptedPlan(id), fence: { run: 0, history: 6 }, fromSeq: -1 };
    await run(first);
    // A task the server never committed (lost with the server) decided two items: seq 4-6.
    const phantom = { ...decidedPlan(id), fence: { run: 0, history: 9 }, fromSeq: 3 };
    await expect(run(phantom)).resolves.toEqual({ applied: true });
    expect((await events(id)).map((e) => e.seq)).toEqual([1, 2, 3, 4, 6]);
    expect((await notices(id)).map((n) => n.seq)).toEqual([5]);

    // The retried task starts at the same history length and applies one retried Update first:
    // seq 4 is now another event, and seq 5 and 6 do not exist (yet).
    const replaced = acceptedPlan(id);
    replaced.state = {
      ...replaced.state,
      seq: 4,
      items: replaced.state.items.map((i) =>
        i.code === 'SOIL_WATER' ? { ...i, status: 'APPROVED' as const } : i,
      ),
    };
    replaced.items = replaced.items.map((i) =>
      i.code === 'SOIL_WATER' ? { ...i, dueDate: null } : i,
    );
    const authoritative: ProjectionInput = {
      ...replaced,
      events: [event(4, '2025-03-04T02:00:00Z', 'ITEM_APPROVED', { itemCode: 'SOIL_WATER' })],
      notices: [],
      fence: { run: 0, history: 9 },
      fromSeq: 3,
    };
    await expect(run(authoritative)).resolves.toEqual({ applied: true });

    expect(await project(id)).toMatchObject({ stateSeq: 4 });
    const rows = byCode(await items(id));
    expect(rows.SOIL_WATER.status).toBe('APPROVED');
    expect(rows.LAND_PRE_REVIEW.status).toBe('UNDER_REVIEW'); // the phantom's approval is gone
    expect(rows.EIA_TABLE.status).toBe('UNDER_REVIEW');
    const ev = await events(id);
    expect(ev.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(ev[3]).toMatchObject({ type: 'ITEM_APPROVED', itemCode: 'SOIL_WATER' });
    expect(await notices(id)).toEqual([]);
  });

  it("a write of the changed items only keeps the other rows; one that misses an uncommitted task's items writes nothing and asks for every item", async () => {
    const id = randomUUID();
    await run({ ...acceptedPlan(id), fence: { run: 0, history: 6 }, fromSeq: -1 });
    const withStatus = (input: ProjectionInput, code: string, status: ItemStatus, seq: number) => ({
      ...input.state,
      seq,
      items: input.state.items.map((i) =>
        i.code === code ? { ...i, status, decidedOn: '2025-03-04' } : i,
      ),
    });
    const closed = (code: string): ProjectionItem => ({
      code,
      dueDate: null,
      risk: 'ON_TRACK',
      usedDays: 1,
    });

    // Seq 4 approves SOIL_WATER: only its row travels.
    const soil = acceptedPlan(id);
    soil.state = withStatus(soil, 'SOIL_WATER', 'APPROVED', 4);
    await expect(
      run({
        ...soil,
        items: [closed('SOIL_WATER')],
        changedItemsOnly: true,
        events: [event(4, '2025-03-04T02:00:00Z', 'ITEM_APPROVED', { itemCode: 'SOIL_WATER' })],
        fence: { run: 0, history: 9 },
        fromSeq: 3,
      }),
    ).resolves.toEqual({ applied: true });
    let rows = byCode(await items(id));
    expect(rows.SOIL_WATER).toMatchObject({ status: 'APPROVED', dueDate: null, stateSeq: 4 });
    expect(rows.LAND_PRE_REVIEW).toMatchObject({
      status: 'UNDER_REVIEW',
      dueDate: '2025-03-10',
      stateSeq: 3,
    });
    expect((await events(id)).map((e) => e.seq)).toEqual([1, 2, 3, 4]);

    // A task the server never committed approves EIA_TABLE at seq 5 …
    const phantom = acceptedPlan(id);
    phantom.state = withStatus(phantom, 'EIA_TABLE', 'APPROVED', 5);
    await run({
      ...phantom,
      items: [closed('EIA_TABLE')],
      changedItemsOnly: true,
      events: [event(5, '2025-03-04T03:00:00Z', 'ITEM_APPROVED', { itemCode: 'EIA_TABLE' })],
      fence: { run: 0, history: 12 },
      fromSeq: 4,
    });
    // … and the task that replaced it approves LAND_PRE_REVIEW instead, carrying that row only.
    const land = acceptedPlan(id);
    land.state = withStatus(
      { ...land, state: withStatus(land, 'SOIL_WATER', 'APPROVED', 4) },
      'LAND_PRE_REVIEW',
      'APPROVED',
      5,
    );
    const replaced: ProjectionInput = {
      ...land,
      items: [closed('LAND_PRE_REVIEW')],
      changedItemsOnly: true,
      events: [event(5, '2025-03-04T03:00:00Z', 'ITEM_APPROVED', { itemCode: 'LAND_PRE_REVIEW' })],
      fence: { run: 0, history: 12 },
      fromSeq: 4,
    };
    await expect(run(replaced)).resolves.toEqual({ applied: false, resend: true });
    expect(byCode(await items(id)).EIA_TABLE.status).toBe('APPROVED'); // nothing was written

    // With every item it converges on what the replacing task holds.
    const all = land.state.items.map((i) =>
      i.code === 'SOIL_WATER' || i.code === 'LAND_PRE_REVIEW'
        ? closed(i.code)
        : (acceptedPlan(id).items.find((x) => x.code === i.code) as ProjectionItem),
    );
    await expect(run({ ...replaced, items: all, changedItemsOnly: undefined })).resolves.toEqual({
      applied: true,
    });
    rows = byCode(await items(id));
    expect(rows.EIA_TABLE).toMatchObject({ status: 'UNDER_REVIEW', dueDate: '2025-03-10' });
    expect(rows.LAND_PRE_REVIEW.status).toBe('APPROVED');
    expect(rows.SOIL_WATER.status).toBe('APPROVED');
    const ev = await events(id);
    expect(ev.map((e) => [e.seq, e.itemCode ?? null])).toEqual([
      [1, null],
      [2, null],
      [3, null],
      [4, 'SOIL_WATER'],
      [5, 'LAND_PRE_REVIEW'],
    ]);
  });

  it('counts a project for overdue= from its overdue instant, and always once it holds an overdue item, even one a later write does not carry', async () => {
    const id = randomUUID();
    const overdueAt = '2025-03-10T16:00:00.000Z';
    const from = async () =>
      (
        await ds.query<{ from: string | null }[]>(
          `SELECT overdue_from::text AS from FROM projects WHERE id = $1`,
          [id],
        )
      )[0].from;
    /** The accepted plan at `seq`, due to turn overdue at `overdueAt`. */
    const at = (seq: number): ProjectionInput => {
      const input = acceptedPlan(id);
      return {
        ...input,
        state: { ...input.state, seq },
        projectClock: { ...input.projectClock, overdueAt },
        events: [],
      };
    };
    await run({
      ...at(3),
      events: acceptedPlan(id).events,
      fence: { run: 0, history: 6 },
      fromSeq: -1,
    });
    expect(new Date((await from())!).toISOString()).toBe(overdueAt);

    // Seq 4: SOIL_WATER decided a day late; its row says OVERDUE, the project's clock does not.
    const lateRow: ProjectionItem = {
      code: 'SOIL_WATER',
      dueDate: null,
      risk: 'OVERDUE',
      usedDays: 6,
    };
    await run({
      ...at(4),
      items: [lateRow],
      changedItemsOnly: true,
      fence: { run: 0, history: 9 },
      fromSeq: 3,
    });
    expect(await from()).toBe('-infinity');

    // Seq 5 carries another item only: the stored OVERDUE row still counts.
    const eia = at(5).items.find((i) => i.code === 'EIA_TABLE')!;
    await run({
      ...at(5),
      items: [{ ...eia, usedDays: 1 }],
      changedItemsOnly: true,
      fence: { run: 0, history: 12 },
      fromSeq: 4,
    });
    expect(await from()).toBe('-infinity');

    // Every row on time again (seq 6, all items): from the instant once more.
    await run({ ...at(6), fence: { run: 0, history: 15 }, fromSeq: 5 });
    expect(new Date((await from())!).toISOString()).toBe(overdueAt);
  });

  it('updates a project the API created first, keeping its idempotency key and creator', async () => {
    const id = randomUUID();
    const key = `create-${randomUUID()}`;
    const minimal = acceptedPlan(id).state;
    await ds.getRepository(ProjectRecord).insert({
      id,
      name: minimal.name,
      type: minimal.type,
      region: minimal.region,
      ownerOrganisation: minimal.ownerOrganisation,
      limitDays: 35,
      remainingDays: 35,
      calendarVersion: 'cn-2025.1',
      state: { ...minimal, stages: [], items: [], seq: 0 },
      stateSeq: 0,
      createdBy: 'applicant',
      idempotencyKey: key,
      createdAt: new Date('2025-03-03T01:14:59.000Z'),
    });

    await expect(run(decidedPlan(id))).resolves.toEqual({ applied: true });

    const p = await project(id);
    expect(p).toMatchObject({
      idempotencyKey: key,
      createdBy: 'applicant',
      stateSeq: 6,
      usedDays: 3,
      remainingDays: 32,
    });
    expect(p.createdAt.toISOString()).toBe('2025-03-03T01:14:59.000Z');
    expect(p.state.items).toHaveLength(5);
    expect(await items(id)).toHaveLength(5);
    expect(await ds.getRepository(ProjectRecord).countBy({ idempotencyKey: key })).toBe(1);
  });

  it('refuses a projectId that is not a uuid, without retry, naming the field', async () => {
    const input = acceptedPlan(randomUUID());
    input.state.projectId = 'project-42';

    const err = await failure(run(input));

    expect(err.nonRetryable).toBe(true);
    expect(err.type).toBe(PROJECTION_INPUT_INVALID);
    expect(err.message).toContain('state.projectId');
  });

  it('refuses computed items that do not match state.items, naming the field', async () => {
    const id = randomUUID();
    const input = acceptedPlan(id);
    input.items = input.items.filter((i) => i.code !== 'SOIL_WATER');

    const err = await failure(run(input));

    expect(err.nonRetryable).toBe(true);
    expect(err.message).toMatch(/^items .*SOIL_WATER/);
    expect(await ds.getRepository(ProjectRecord).countBy({ id })).toBe(0);
  });

  it('does not retry what PostgreSQL can never store, and writes nothing of it', async () => {
    const id = randomUUID();
    const input = decidedPlan(id);
    // Two items under one task id: the unique index refuses it on every try.
    input.state.items[1].taskId = input.state.items[0].taskId;

    const err = await failure(run(input));

    expect(err.nonRetryable).toBe(true);
    expect(err.message).toContain('SQLSTATE 23');
    // One transaction: the project and items written before the failure are rolled back.
    expect(await ds.getRepository(ProjectRecord).countBy({ id })).toBe(0);
    expect(await events(id)).toHaveLength(0);
  });

  it('stores text jsonb cannot hold (a lone surrogate, a NUL) with U+FFFD instead of freezing', async () => {
    const id = randomUUID();
    const input = decidedPlan(id);
    input.notices[0].message = 'a NUL \u0000 byte';
    input.state.items[0].decisionComment = 'half an emoji \ud83d';
    input.events[0].detail = { comment: 'also \udc00 here' };

    await expect(run(input)).resolves.toEqual({ applied: true });

    const row = await ds.getRepository(ProjectRecord).findOneByOrFail({ id });
    expect(row.state.items[0].decisionComment).toBe('half an emoji \uFFFD');
    expect((await notices(id))[0].message).toBe('a NUL \uFFFD byte');
    expect((await events(id))[0].detail).toEqual({ comment: 'also \uFFFD here' });
  });

  it('lets a connection failure throw as retryable, for Temporal to retry', async () => {
    const url = new URL(process.env.DATABASE_URL!);
    const proxy = await new TcpProxy(url.hostname, Number(url.port)).start();
    url.port = String(proxy.port);
    const viaProxy = await openDataSource(
      dataSourceOptions(
        parseDatabaseConfig({ DATABASE_URL: url.toString(), DATABASE_CONNECT_TIMEOUT_MS: '1000' }),
        'test-outage',
      ),
    );
    try {
      const activity = createProjectionActivities({ dataSource: viaProxy }).projectState;
      const input = acceptedPlan(randomUUID());
      await proxy.cut();

      const err = await activityEnv()
        .run(activity, input)
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(err).toBeInstanceOf(Error);
      expect(err).not.toBeInstanceOf(ApplicationFailure);

      await proxy.restore();
      // The retry succeeds once the database is back.
      await expect(activityEnv().run(activity, input)).resolves.toEqual({
        applied: true,
      });
    } finally {
      await proxy.restore();
      await viaProxy.destroy();
      await proxy.cut();
    }
  });
});
