import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { projectWorkflow } from '../../workflows/project.workflow';
import {
  ProjectHandle,
  ReadModel,
  TimeSkippingEnv,
  actors,
  completedResult,
  expectInstant,
  item,
  makeWorker,
  openStage,
  projectInput,
  refusal,
  reportOf,
  send,
  sleepUntil,
  startEnv,
  stateOf,
} from './harness';

/**
 * Every way an item's clock stops and restarts (docs/design.md §4, §7: art. 45 and 82): supplements,
 * special procedures, a missed 容缺 commitment, a joint site survey; and extensions. Dates
 * cross Qingming (04-04 … 04-06 off) and Labour Day 2026 (05-01 … 05-05 off, Sat 05-09 a
 * make-up working day). Each test pins its start; times are Beijing (UTC+8) unless marked Z.
 */
describe('clock stops and restarts', () => {
  let ts: TimeSkippingEnv;
  let env: TestWorkflowEnvironment;
  const rm = new ReadModel();

  beforeAll(async () => {
    ts = await startEnv('2026-03-23T01:00:00Z'); // Mon 03-23 09:00
    env = ts.env;
  });
  afterAll(async () => {
    await ts?.stop();
  });

  async function run(body: (taskQueue: string) => Promise<void>) {
    const { worker, taskQueue } = await makeWorker(env, rm);
    await worker.runUntil(body(taskQueue));
  }
  const start = (
    taskQueue: string,
    input: ReturnType<typeof projectInput>,
  ): Promise<ProjectHandle> =>
    env.client.workflow.start(projectWorkflow, {
      workflowId: `project-${input.projectId}`,
      taskQueue,
      args: [input],
    });
  const dueOf = (projectId: string, code: string) =>
    rm.last(projectId).items.find((i) => i.code === code)!.dueDate;
  const noticesOf = (projectId: string, kind: string) =>
    rm.notices(projectId).filter((n) => n.kind === kind);
  const decide = (
    h: ProjectHandle,
    department: string,
    itemCode: string,
    action: 'APPROVE' | 'REQUEST_SUPPLEMENT' | 'END_SPECIAL_PROCEDURE',
    comment?: string,
  ) => send(h, actors.officer(department), { kind: 'DECIDE', itemCode, action, comment });

  it('a supplement and an expert review stop the clock; the due date moves by exactly the days stopped', async () => {
    await run(async (taskQueue) => {
      const input = projectInput([
        { code: 'LAND_PRE_REVIEW', department: 'NRP', limitDays: 10 },
        { code: 'EIA_TABLE', department: 'EEB', theme: 'ASSESSMENTS', limitDays: 10 },
      ]);
      const id = input.projectId;
      const h = await start(taskQueue, input);
      await openStage(h); // Mon 03-23
      // 10 working days after 03-23, Qingming Mon 04-06 off.
      expect(dueOf(id, 'LAND_PRE_REVIEW')).toBe('2026-04-07');
      expect(dueOf(id, 'EIA_TABLE')).toBe('2026-04-07');

      // Wed 03-25: supplement requested; the applicant is told why the clock stopped.
      await sleepUntil(env, '2026-03-25T01:00:00Z');
      await decide(h, 'NRP', 'LAND_PRE_REVIEW', 'REQUEST_SUPPLEMENT', 'boundary survey unsigned');
      expect(noticesOf(id, 'CLOCK_STOPPED')).toEqual([
        expect.objectContaining({
          recipientRole: 'APPLICANT',
          organisation: 'org-a',
          itemCode: 'LAND_PRE_REVIEW',
          message:
            'The clock of LAND_PRE_REVIEW stopped on 2026-03-25: Supplement (补正): boundary survey unsigned. It resumes when you answer.',
        }),
      ]);
      expect(rm.last(id).items[0]).toMatchObject({ dueDate: null, usedDays: 2 });

      // Thu 03-26: expert review of the EIA, expected 5 working days: not counted (art. 45).
      await sleepUntil(env, '2026-03-26T01:00:00Z');
      await send(h, actors.officer('EEB'), {
        kind: 'DECIDE',
        itemCode: 'EIA_TABLE',
        action: 'START_SPECIAL_PROCEDURE',
        procedure: { type: 'EXPERT_REVIEW', expectedDays: 5 },
        comment: 'river nearby',
      });
      const expert = noticesOf(id, 'CLOCK_STOPPED')[1];
      expect(expert).toMatchObject({
        recipientRole: 'APPLICANT',
        itemCode: 'EIA_TABLE',
        expectedDays: 5,
        expectedUntil: '2026-04-02',
      });
      expect(expert.message).toContain('for Expert review');
      expect(expert.message).toContain('not counted');
      let s = await stateOf(h);
      expect(item(s, 'EIA_TABLE')).toMatchObject({
        status: 'SPECIAL_PROCEDURE',
        pauses: [{ reason: 'EXPERT_REVIEW', from: '2026-03-26', expectedDays: 5 }],
      });

      // Mon 03-30: nothing ran since 03-26; the applicant answers: (03-25, 03-30] is lost to
      // LAND_PRE_REVIEW's clock (26, 27, 30), so its due date moves 3 working days.
      await sleepUntil(env, '2026-03-30T01:00:00Z');
      await send(h, actors.applicant, { kind: 'ANSWER_SUPPLEMENT', itemCode: 'LAND_PRE_REVIEW' });
      s = await stateOf(h);
      expect(item(s, 'LAND_PRE_REVIEW')).toMatchObject({
        status: 'UNDER_REVIEW',
        intervals: [{ from: '2026-03-23', to: '2026-03-25' }, { from: '2026-03-30' }],
        pauses: [{ reason: 'SUPPLEMENT', from: '2026-03-25', to: '2026-03-30' }],
      });
      expect(dueOf(id, 'LAND_PRE_REVIEW')).toBe('2026-04-10');
      let r = await reportOf(h);
      expect(r).toMatchObject({ asOf: '2026-03-30', clock: { usedDays: 3, remainingDays: 77 } });

      // Thu 04-02: the review ends as expected: (03-26, 04-02] = 5 days lost to EIA_TABLE.
      await sleepUntil(env, '2026-04-02T01:00:00Z');
      await decide(h, 'EEB', 'EIA_TABLE', 'END_SPECIAL_PROCEDURE', 'experts agree');
      expect(noticesOf(id, 'CLOCK_RESUMED')).toEqual([
        expect.objectContaining({ recipientRole: 'APPLICANT', itemCode: 'EIA_TABLE' }),
      ]);
      expect(dueOf(id, 'EIA_TABLE')).toBe('2026-04-14');
      r = await reportOf(h);
      // 24, 25, 26 then LAND_PRE_REVIEW alone 31, 01, 02; paused: (03-25, 04-02] = 6 days.
      expect(r.clock).toMatchObject({ usedDays: 6, pausedDays: 6 });

      // Warnings come at the 7th used day of each clock, not on 04-01 as without the stops.
      await sleepUntil(env, '2026-04-08T18:00:00Z'); // Thu 04-09 02:00
      const warnings = noticesOf(id, 'WARNING');
      expect(warnings.map((n) => n.itemCode)).toEqual(['LAND_PRE_REVIEW', 'EIA_TABLE']);
      expectInstant(warnings[0].at, '2026-04-06T16:00:00Z');
      expectInstant(warnings[1].at, '2026-04-08T16:00:00Z');
      // The original due date 04-07 has passed: nothing is overdue.
      expect(noticesOf(id, 'OVERDUE_ESCALATION')).toEqual([]);

      // LAND_PRE_REVIEW becomes overdue at the end of 04-10, EIA_TABLE at the end of 04-14.
      await sleepUntil(env, '2026-04-14T15:00:00Z'); // Tue 04-14 23:00
      let overdue = rm.events(id).filter((e) => e.type === 'ITEM_OVERDUE');
      expect(overdue.map((e) => e.itemCode)).toEqual(['LAND_PRE_REVIEW']);
      expectInstant(overdue[0].at, '2026-04-10T16:00:00Z');
      expect(overdue[0].detail).toMatchObject({ dueDate: '2026-04-10', usedDays: 10 });
      await sleepUntil(env, '2026-04-14T17:00:00Z'); // Wed 04-15 01:00
      overdue = rm.events(id).filter((e) => e.type === 'ITEM_OVERDUE');
      expect(overdue.map((e) => e.itemCode)).toEqual(['LAND_PRE_REVIEW', 'EIA_TABLE']);
      expectInstant(overdue[1].at, '2026-04-14T16:00:00Z');

      await decide(h, 'NRP', 'LAND_PRE_REVIEW', 'APPROVE');
      await decide(h, 'EEB', 'EIA_TABLE', 'APPROVE');
      s = await stateOf(h);
      expect(s.status).toBe('COMPLETED');
      // 24, 25, 26, 31, 01, 02, 03, 07 … 10, 13, 14 and 15 (both items still open that day).
      expect(await completedResult(env, h)).toMatchObject({
        closedOn: '2026-04-15',
        usedDays: 14,
      });
    });
  });
  it('a missed 容缺 commitment suspends the item at the end of its day until the materials arrive', async () => {
    await sleepUntil(env, '2026-04-20T01:00:00Z'); // Mon 04-20 09:00
    await run(async (taskQueue) => {
      const input = projectInput([
        { code: 'ENERGY_REVIEW', department: 'DRC', theme: 'ASSESSMENTS', limitDays: 10 },
      ]);
      const id = input.projectId;
      const h = await start(taskQueue, input);
      await openStage(h);
      expect(dueOf(id, 'ENERGY_REVIEW')).toBe('2026-05-07');
      const accept = (dueDate: string) =>
        send(h, actors.officer('DRC'), {
          kind: 'DECIDE',
          itemCode: 'ENERGY_REVIEW',
          action: 'ACCEPT_WITH_DEFICIENCY',
          deficiency: { description: 'energy audit report', dueDate },
        });
      expect(await refusal(accept('2026-04-20'))).toEqual({
        type: 'CommandRefused.INVALID',
        message: 'deficiency.dueDate must be after today (2026-04-20)',
      });
      await accept('2026-04-22');
      expect(noticesOf(id, 'CLOCK_RESUMED')).toEqual([
        expect.objectContaining({
          recipientRole: 'APPLICANT',
          itemCode: 'ENERGY_REVIEW',
          expectedUntil: '2026-04-22',
        }),
      ]);
      let s = await stateOf(h);
      expect(item(s, 'ENERGY_REVIEW')).toMatchObject({
        status: 'UNDER_REVIEW',
        deficiencies: [{ dueDate: '2026-04-22', status: 'OPEN' }],
      });

      // Wed 04-22 evening: still on time, but it cannot be approved without the materials.
      await sleepUntil(env, '2026-04-22T12:00:00Z');
      expect(await refusal(decide(h, 'DRC', 'ENERGY_REVIEW', 'APPROVE'))).toEqual({
        type: 'CommandRefused.CONFLICT',
        message:
          'item ENERGY_REVIEW has an outstanding deficiency (energy audit report, due 2026-04-22); it cannot be approved before the materials arrive',
      });
      expect(item(await stateOf(h), 'ENERGY_REVIEW').status).toBe('UNDER_REVIEW');

      // Midnight: suspended, its clock stopped on the committed date, the project at risk.
      await sleepUntil(env, '2026-04-22T17:00:00Z'); // Thu 04-23 01:00
      s = await stateOf(h);
      expect(item(s, 'ENERGY_REVIEW')).toMatchObject({
        status: 'SUSPENDED',
        risk: 'AT_RISK',
        intervals: [{ from: '2026-04-20', to: '2026-04-22' }],
        pauses: [{ reason: 'DEFICIENCY_OVERDUE', from: '2026-04-22' }],
        deficiencies: [{ status: 'MISSED' }],
      });
      expect(s.risk).toBe('AT_RISK');
      const missed = noticesOf(id, 'DEFICIENCY_MISSED');
      expect(missed.map((n) => [n.recipientRole, n.department])).toEqual([
        ['APPLICANT', undefined],
        ['OFFICER', 'DRC'],
      ]);
      expect(missed[0].message).toContain('"energy audit report"');
      expectInstant(missed[0].at, '2026-04-22T16:00:00Z');
      expect(rm.events(id).find((e) => e.type === 'DEFICIENCY_MISSED')).toMatchObject({
        clockEffect: 'STOPPED',
      });
      expect(await refusal(decide(h, 'DRC', 'ENERGY_REVIEW', 'APPROVE'))).toEqual({
        type: 'CommandRefused.CONFLICT',
        message: 'item ENERGY_REVIEW is SUSPENDED; APPROVE needs it UNDER_REVIEW',
      });

      // Mon 04-27 the materials arrive: (04-22, 04-27] = 3 working days lost, due 05-07 → 05-11.
      await sleepUntil(env, '2026-04-27T01:00:00Z');
      expect(rm.last(id).items[0]).toMatchObject({ dueDate: null, usedDays: 2 });
      await send(h, actors.applicant, { kind: 'DELIVER_DEFICIENCY', itemCode: 'ENERGY_REVIEW' });
      s = await stateOf(h);
      expect(item(s, 'ENERGY_REVIEW')).toMatchObject({
        status: 'UNDER_REVIEW',
        risk: 'ON_TRACK',
        intervals: [{ from: '2026-04-20', to: '2026-04-22' }, { from: '2026-04-27' }],
        pauses: [{ reason: 'DEFICIENCY_OVERDUE', from: '2026-04-22', to: '2026-04-27' }],
        deficiencies: [{ status: 'DELIVERED', deliveredOn: '2026-04-27' }],
      });
      expect(s.risk).toBe('ON_TRACK');
      expect(dueOf(id, 'ENERGY_REVIEW')).toBe('2026-05-11');
      await decide(h, 'DRC', 'ENERGY_REVIEW', 'APPROVE');
      expect(await completedResult(env, h)).toMatchObject({ status: 'COMPLETED', usedDays: 2 });
    });
  });

  it('extensions move the due date and the warning, ten working days in all', async () => {
    await sleepUntil(env, '2026-04-28T01:00:00Z'); // Tue 04-28 09:00
    await run(async (taskQueue) => {
      const input = projectInput([{ code: 'DESIGN_SCHEME', department: 'NRP', limitDays: 5 }]);
      const id = input.projectId;
      const h = await start(taskQueue, input);
      await openStage(h);
      expect(dueOf(id, 'DESIGN_SCHEME')).toBe('2026-05-08'); // over Labour Day
      const extend = (days: number) =>
        send(h, actors.head('NRP'), {
          kind: 'GRANT_EXTENSION',
          itemCode: 'DESIGN_SCHEME',
          days,
          reason: 'complex site',
        });

      // 2 of 5 used: AT_RISK from the start of Thu 04-30.
      await sleepUntil(env, '2026-04-30T01:00:00Z');
      expect(item(await stateOf(h), 'DESIGN_SCHEME').risk).toBe('AT_RISK');
      await extend(6);
      let s = await stateOf(h);
      expect(item(s, 'DESIGN_SCHEME')).toMatchObject({ extensionDays: 6, risk: 'ON_TRACK' });
      expect(dueOf(id, 'DESIGN_SCHEME')).toBe('2026-05-15'); // 11 days: Sat 05-09 is worked
      expect(rm.events(id).at(-1)).toMatchObject({
        type: 'EXTENSION_GRANTED',
        clockEffect: 'EXTENDED',
        detail: { days: 6 },
      });
      expect(await refusal(extend(5))).toEqual({
        type: 'CommandRefused.CONFLICT',
        message: 'item DESIGN_SCHEME already has 6 extension days; art. 42 allows 10 in all',
      });
      await extend(4);
      expect(await refusal(extend(1))).toMatchObject({ type: 'CommandRefused.CONFLICT' });
      expect(dueOf(id, 'DESIGN_SCHEME')).toBe('2026-05-21');
      const r = await reportOf(h);
      expect(r.stages[0].themes[0].items[0]).toMatchObject({
        clock: { limitDays: 15, usedDays: 2, remainingDays: 13, dueDate: '2026-05-21' },
      });

      // The next warning comes at 12 of 15 used (start of Mon 05-18), not earlier.
      await sleepUntil(env, '2026-05-17T12:00:00Z');
      expect(noticesOf(id, 'WARNING')).toHaveLength(1);
      await sleepUntil(env, '2026-05-17T17:00:00Z');
      const warnings = noticesOf(id, 'WARNING');
      expect(warnings).toHaveLength(2);
      expectInstant(warnings[1].at, '2026-05-17T16:00:00Z');
      s = await stateOf(h);
      expect(item(s, 'DESIGN_SCHEME').risk).toBe('AT_RISK');
      await decide(h, 'NRP', 'DESIGN_SCHEME', 'APPROVE');
      expect(await completedResult(env, h)).toMatchObject({ status: 'COMPLETED', usedDays: 12 });
    });
  });

  it('a joint site survey stops the clocks of both departments until each has recorded its result', async () => {
    await sleepUntil(env, '2026-05-19T01:00:00Z'); // Tue 05-19 09:00
    await run(async (taskQueue) => {
      const input = projectInput([
        { code: 'LAND_PRE_REVIEW', department: 'NRP', jointProcedure: 'SITE_SURVEY' },
        {
          code: 'SOIL_WATER',
          department: 'WRB',
          theme: 'ASSESSMENTS',
          jointProcedure: 'SITE_SURVEY',
        },
        { code: 'EIA_TABLE', department: 'EEB', theme: 'ASSESSMENTS' },
        {
          code: 'CONSTRUCTION_DRAWING_REVIEW',
          department: 'HCD',
          stage: 'START_PERMIT',
          theme: 'DRAWING_REVIEW',
          jointProcedure: 'DRAWING_REVIEW',
        },
        {
          code: 'FIRE_DESIGN_REVIEW',
          department: 'FIRE',
          stage: 'START_PERMIT',
          theme: 'DRAWING_REVIEW',
          jointProcedure: 'DRAWING_REVIEW',
        },
      ]);
      const id = input.projectId;
      const h = await start(taskQueue, input);
      await openStage(h);
      await sleepUntil(env, '2026-05-20T01:00:00Z'); // Wed 05-20
      const schedule = (date: string) =>
        send(h, actors.window, { kind: 'SCHEDULE_JOINT_PROCEDURE', type: 'SITE_SURVEY', date });
      expect(await refusal(schedule('2026-05-19'))).toEqual({
        type: 'CommandRefused.INVALID',
        message: 'date must be today or later (2026-05-20)',
      });
      await schedule('2026-05-22');
      let s = await stateOf(h);
      const jp = s.jointProcedures[0];
      expect(jp).toMatchObject({
        type: 'SITE_SURVEY',
        itemCodes: ['LAND_PRE_REVIEW', 'SOIL_WATER'],
        departments: ['NRP', 'WRB'],
        status: 'SCHEDULED',
      });
      expect(s.items.map((i) => [i.code, i.status])).toEqual([
        ['LAND_PRE_REVIEW', 'SPECIAL_PROCEDURE'],
        ['SOIL_WATER', 'SPECIAL_PROCEDURE'],
        ['EIA_TABLE', 'UNDER_REVIEW'],
        ['CONSTRUCTION_DRAWING_REVIEW', 'PENDING'],
        ['FIRE_DESIGN_REVIEW', 'PENDING'],
      ]);
      expect(
        noticesOf(id, 'JOINT_PROCEDURE_SCHEDULED').map((n) => [n.recipientRole, n.department]),
      ).toEqual([
        ['OFFICER', 'NRP'],
        ['OFFICER', 'WRB'],
      ]);
      expect(noticesOf(id, 'CLOCK_STOPPED')).toEqual([
        expect.objectContaining({
          recipientRole: 'APPLICANT',
          expectedDays: 2,
          expectedUntil: '2026-05-22',
          message: expect.stringContaining('art. 45'),
        }),
      ]);
      expect(await refusal(decide(h, 'NRP', 'LAND_PRE_REVIEW', 'APPROVE'))).toMatchObject({
        type: 'CommandRefused.CONFLICT',
      });
      expect(await refusal(decide(h, 'NRP', 'LAND_PRE_REVIEW', 'END_SPECIAL_PROCEDURE'))).toEqual({
        type: 'CommandRefused.CONFLICT',
        message:
          'item LAND_PRE_REVIEW waits for a joint site survey; it ends when every department has recorded its result',
      });

      // Fri 05-22: the survey; NRP records first: the clocks stay stopped for WRB.
      await sleepUntil(env, '2026-05-22T01:00:00Z');
      const record = (department: string) =>
        send(h, actors.officer(department), {
          kind: 'RECORD_JOINT_RESULT',
          procedureId: jp.id,
          department,
          passed: true,
        });
      await record('NRP');
      expect(await refusal(record('NRP'))).toEqual({
        type: 'CommandRefused.CONFLICT',
        message: 'department NRP has already recorded its result',
      });
      expect(await refusal(record('EEB'))).toMatchObject({ type: 'CommandRefused.CONFLICT' });
      s = await stateOf(h);
      expect(s.jointProcedures[0].status).toBe('SCHEDULED');
      expect(item(s, 'SOIL_WATER').status).toBe('SPECIAL_PROCEDURE');

      // Mon 05-25: WRB records: done; both clocks run again, (05-20, 05-25] not counted.
      await sleepUntil(env, '2026-05-25T01:00:00Z');
      await record('WRB');
      s = await stateOf(h);
      expect(s.jointProcedures[0]).toMatchObject({ status: 'DONE' });
      for (const code of ['LAND_PRE_REVIEW', 'SOIL_WATER'])
        expect(item(s, code)).toMatchObject({
          status: 'UNDER_REVIEW',
          intervals: [{ from: '2026-05-19', to: '2026-05-20' }, { from: '2026-05-25' }],
          pauses: [{ reason: 'SITE_SURVEY', from: '2026-05-20', to: '2026-05-25' }],
        });
      // 10 working days after 05-19 would be 06-02; 9 left from 05-25 → 06-05.
      expect(dueOf(id, 'SOIL_WATER')).toBe('2026-06-05');
      expect(rm.events(id).filter((e) => e.type === 'JOINT_PROCEDURE_DONE')).toEqual([
        expect.objectContaining({ detail: expect.objectContaining({ passed: true }) }),
      ]);
      for (const [dept, code] of [
        ['NRP', 'LAND_PRE_REVIEW'],
        ['WRB', 'SOIL_WATER'],
        ['EEB', 'EIA_TABLE'],
      ])
        await decide(h, dept, code, 'APPROVE');

      // A joint drawing review does not stop the clocks, but no item of it can be approved
      // before every department has recorded its result.
      await openStage(h, 'START_PERMIT');
      await send(h, actors.window, {
        kind: 'SCHEDULE_JOINT_PROCEDURE',
        type: 'DRAWING_REVIEW',
        date: '2026-05-25',
      });
      s = await stateOf(h);
      const review = s.jointProcedures[1];
      expect(review.departments).toEqual(['FIRE', 'HCD']);
      expect(item(s, 'FIRE_DESIGN_REVIEW')).toMatchObject({ status: 'UNDER_REVIEW', pauses: [] });
      expect(await refusal(decide(h, 'HCD', 'CONSTRUCTION_DRAWING_REVIEW', 'APPROVE'))).toEqual({
        type: 'CommandRefused.CONFLICT',
        message: `item CONSTRUCTION_DRAWING_REVIEW is in joint procedure DRAWING_REVIEW (${review.id}) that has not finished`,
      });
      for (const department of ['HCD', 'FIRE'])
        await send(h, actors.officer(department), {
          kind: 'RECORD_JOINT_RESULT',
          procedureId: review.id,
          department,
          passed: true,
        });
      await decide(h, 'HCD', 'CONSTRUCTION_DRAWING_REVIEW', 'APPROVE');
      await decide(h, 'FIRE', 'FIRE_DESIGN_REVIEW', 'APPROVE');
      // 05-20, 21, 22, 25: the survey days count on the project clock only because EIA_TABLE
      // ran on them.
      expect(await completedResult(env, h)).toMatchObject({
        status: 'COMPLETED',
        closedOn: '2026-05-25',
        usedDays: 4,
      });
    });
  });
  it('a 容缺 commitment missed during a supplement keeps the clock stopped after the answer', async () => {
    await sleepUntil(env, '2026-06-01T01:00:00Z'); // Mon 06-01 09:00
    await run(async (taskQueue) => {
      const input = projectInput([
        { code: 'ENERGY_REVIEW', department: 'DRC', theme: 'ASSESSMENTS', limitDays: 10 },
      ]);
      const id = input.projectId;
      const h = await start(taskQueue, input);
      await openStage(h);
      await send(h, actors.officer('DRC'), {
        kind: 'DECIDE',
        itemCode: 'ENERGY_REVIEW',
        action: 'ACCEPT_WITH_DEFICIENCY',
        deficiency: { description: 'energy audit report', dueDate: '2026-06-03' },
      });
      await sleepUntil(env, '2026-06-02T01:00:00Z'); // Tue 06-02
      await decide(h, 'DRC', 'ENERGY_REVIEW', 'REQUEST_SUPPLEMENT', 'load calculation');

      // The commitment passes (end of Wed 06-03) while the supplement is open.
      await sleepUntil(env, '2026-06-04T01:00:00Z');
      let s = await stateOf(h);
      expect(item(s, 'ENERGY_REVIEW')).toMatchObject({
        status: 'SUPPLEMENT_REQUESTED',
        deficiencies: [{ status: 'MISSED' }],
      });
      expect(noticesOf(id, 'DEFICIENCY_MISSED')).toHaveLength(2);

      // Fri 06-05 the supplement is answered, the audit report still missing: the clock stays
      // stopped, now for the missed commitment (the applicant's time, not the department's).
      await sleepUntil(env, '2026-06-05T01:00:00Z');
      await send(h, actors.applicant, { kind: 'ANSWER_SUPPLEMENT', itemCode: 'ENERGY_REVIEW' });
      s = await stateOf(h);
      expect(item(s, 'ENERGY_REVIEW')).toMatchObject({
        status: 'SUSPENDED',
        intervals: [{ from: '2026-06-01', to: '2026-06-02' }],
        pauses: [
          { reason: 'SUPPLEMENT', from: '2026-06-02', to: '2026-06-05' },
          { reason: 'DEFICIENCY_OVERDUE', from: '2026-06-05' },
        ],
      });
      const answered = rm.events(id).find((e) => e.type === 'SUPPLEMENT_ANSWERED')!;
      expect(answered.clockEffect).toBeUndefined(); // not RESUMED
      expect(s.risk).toBe('AT_RISK');
      expect(noticesOf(id, 'CLOCK_STOPPED').at(-1)).toMatchObject({
        recipientRole: 'APPLICANT',
        itemCode: 'ENERGY_REVIEW',
        message:
          'The clock of ENERGY_REVIEW stays stopped on 2026-06-05: Deficiency overdue (容缺) ("energy audit report", due 2026-06-03). It resumes when you deliver it.',
      });
      expect(await refusal(decide(h, 'DRC', 'ENERGY_REVIEW', 'APPROVE'))).toMatchObject({
        type: 'CommandRefused.CONFLICT',
      });

      // Mon 06-08 the report arrives: the clock runs again; only 06-02 was used.
      await sleepUntil(env, '2026-06-08T01:00:00Z');
      await send(h, actors.applicant, { kind: 'DELIVER_DEFICIENCY', itemCode: 'ENERGY_REVIEW' });
      s = await stateOf(h);
      expect(item(s, 'ENERGY_REVIEW')).toMatchObject({
        status: 'UNDER_REVIEW',
        intervals: [{ from: '2026-06-01', to: '2026-06-02' }, { from: '2026-06-08' }],
      });
      expect(rm.events(id).at(-1)).toMatchObject({
        type: 'DEFICIENCY_DELIVERED',
        clockEffect: 'RESUMED',
      });
      expect(rm.last(id).items[0]).toMatchObject({ usedDays: 1 });
      await decide(h, 'DRC', 'ENERGY_REVIEW', 'APPROVE');
      expect(await completedResult(env, h)).toMatchObject({ status: 'COMPLETED', usedDays: 1 });
    });
  });
});
