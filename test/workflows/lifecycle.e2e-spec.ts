import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { projectCommandUpdate } from '../../libs/temporal/src';
import { projectWorkflow } from '../../workflows/project.workflow';
import {
  ProjectHandle,
  ReadModel,
  TimeSkippingEnv,
  actors,
  checklistInput,
  completedResult,
  eventually,
  hours,
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

/** The government-invested school of libs/domain/src/questionnaire/checklist.spec.ts. */
const governmentSchool = {
  projectType: 'GOVERNMENT_INVESTED',
  landAcquisition: 'ALLOCATION',
  regionalAssessment: 'NO',
  eiaCategory: 'TABLE',
  civilAirDefence: 'YES',
  fireSpecial: 'YES',
  belowPermitThreshold: 'NO',
  utilities: ['WATER', 'POWER', 'GAS'],
  municipalWorks: ['ROAD_EXCAVATION'],
  culturalRelics: 'NO',
};

const day = 24;

/**
 * The paths of a project that do not stop a clock: everything approved, a rejection, refusals
 * and duplicates. March 2026 has no public holiday; the server clock starts on Mon 2026-03-02
 * 09:00 in Beijing and each test pins its own start (time only moves forward).
 */
describe('project lifecycle', () => {
  let ts: TimeSkippingEnv;
  let env: TestWorkflowEnvironment;
  const rm = new ReadModel();

  beforeAll(async () => {
    ts = await startEnv('2026-03-02T01:00:00Z');
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
  const approve = (h: ProjectHandle, s: { department: string }, code: string) =>
    send(h, actors.officer(s.department), { kind: 'DECIDE', itemCode: code, action: 'APPROVE' });
  const approveAll = async (h: ProjectHandle, codes: string[]) => {
    const s = await stateOf(h);
    for (const code of codes) await approve(h, item(s, code), code);
  };
  const statuses = (s: Awaited<ReturnType<typeof stateOf>>, stage: string) =>
    Object.fromEntries(s.items.filter((i) => i.stage === stage).map((i) => [i.code, i.status]));

  it('a real school checklist is approved through all three stages, prerequisites in order', async () => {
    await run(async (taskQueue) => {
      const input = checklistInput(governmentSchool);
      expect(input.items).toHaveLength(26);
      const h = await start(taskQueue, input);

      // Mon 03-02: the window returns PLAN; no clock runs while the applicant prepares again.
      await send(h, actors.applicant, { kind: 'SUBMIT_STAGE', stage: 'PLAN' });
      await send(h, actors.window, {
        kind: 'ACCEPT_STAGE',
        stage: 'PLAN',
        decision: 'RETURN',
        reason: 'site plan missing',
      });
      let s = await stateOf(h);
      expect(s.stages[0]).toMatchObject({ status: 'RETURNED', returnReason: 'site plan missing' });
      expect(new Set(Object.values(statuses(s, 'PLAN')))).toEqual(new Set(['PENDING']));
      expect(rm.notices(input.projectId)).toEqual([
        expect.objectContaining({
          kind: 'STAGE_RETURNED',
          recipientRole: 'APPLICANT',
          organisation: 'org-a',
          message: expect.stringContaining('site plan missing'),
        }),
      ]);

      // Tue 03-03: resubmitted and accepted; items without open prerequisites start today.
      await env.sleep(hours(day));
      await openStage(h, 'PLAN');
      s = await stateOf(h);
      expect(s.stages[0]).toMatchObject({
        status: 'IN_REVIEW',
        submissions: 2,
        acceptedOn: '2026-03-03',
      });
      expect(statuses(s, 'PLAN')).toEqual({
        PROJECT_PROPOSAL: 'UNDER_REVIEW',
        FEASIBILITY_STUDY: 'PENDING', // needs PROJECT_PROPOSAL and ENERGY_REVIEW
        LAND_PRE_REVIEW: 'UNDER_REVIEW',
        LAND_USE_PERMIT: 'PENDING', // needs LAND_PRE_REVIEW
        EIA_TABLE: 'UNDER_REVIEW',
        ENERGY_REVIEW: 'UNDER_REVIEW',
        SOIL_WATER: 'UNDER_REVIEW',
      });
      let r = await reportOf(h);
      expect(r.clock).toMatchObject({
        limitDays: 80,
        usedDays: 0, // the return cost the applicant a day, not the government
        remainingDays: 80,
        dueDate: '2026-06-29',
        // ENERGY_REVIEW 5 → FEASIBILITY_STUDY 10, then 10 and 10 for the later stages
        projectedCompletionDate: '2026-04-22',
        risk: 'ON_TRACK',
        provisional: false,
      });
      expect(r.stages[0].themes.map((t) => [t.code, t.name])).toEqual([
        ['PROJECT_APPROVAL', '项目立项（审批、备案）'],
        ['LAND_SITE', '用地与选址'],
        ['ASSESSMENTS', '评估评价（多评合一）'],
      ]);

      // Thu 03-05: two working days used. LAND_USE_PERMIT starts the day its prerequisite is
      // approved; FEASIBILITY_STUDY still waits for ENERGY_REVIEW.
      await env.sleep(hours(2 * day));
      r = await reportOf(h);
      expect(r.clock).toMatchObject({ usedDays: 2, remainingDays: 78, dueDate: '2026-06-29' });
      await approveAll(h, ['PROJECT_PROPOSAL', 'LAND_PRE_REVIEW']);
      s = await stateOf(h);
      expect(item(s, 'LAND_USE_PERMIT')).toMatchObject({
        status: 'UNDER_REVIEW',
        intervals: [{ from: '2026-03-05' }],
      });
      expect(item(s, 'FEASIBILITY_STUDY').status).toBe('PENDING');
      expect(rm.last(input.projectId).items.find((i) => i.code === 'LAND_USE_PERMIT')).toEqual({
        code: 'LAND_USE_PERMIT',
        dueDate: '2026-03-10', // 3 working days after 03-05
        risk: 'ON_TRACK',
        usedDays: 0,
      });

      // Fri 03-06: ENERGY_REVIEW approved → FEASIBILITY_STUDY (10 days) starts.
      await env.sleep(hours(day));
      await approveAll(h, ['ENERGY_REVIEW', 'EIA_TABLE', 'SOIL_WATER', 'LAND_USE_PERMIT']);
      s = await stateOf(h);
      expect(item(s, 'FEASIBILITY_STUDY')).toMatchObject({
        status: 'UNDER_REVIEW',
        intervals: [{ from: '2026-03-06' }],
      });
      expect(s.stages[0].status).toBe('IN_REVIEW');

      // Mon 03-09: the last PLAN item approved completes the stage; START_PERMIT waits for the
      // applicant.
      await env.sleep(hours(3 * day));
      await approveAll(h, ['FEASIBILITY_STUDY']);
      s = await stateOf(h);
      expect(s.stage).toBe('START_PERMIT');
      expect(s.stages.map((x) => [x.code, x.status, x.completedOn])).toEqual([
        ['PLAN', 'COMPLETED', '2026-03-09'],
        ['START_PERMIT', 'NOT_STARTED', undefined],
        ['COMPLETION', 'NOT_STARTED', undefined],
      ]);
      r = await reportOf(h);
      // (03-03, 03-09]: 04, 05, 06, 09, shared by the parallel items.
      expect(r.stages[0].usedDays).toBe(4);
      expect(r.clock).toMatchObject({ usedDays: 4, remainingDays: 76 });

      // Tue 03-10 submitted, Wed 03-11 accepted: the days in between are the applicant's and
      // the window's, so the project's due date moves by two working days.
      await env.sleep(hours(day));
      await send(h, actors.applicant, { kind: 'SUBMIT_STAGE', stage: 'START_PERMIT' });
      await env.sleep(hours(day));
      await send(h, actors.window, {
        kind: 'ACCEPT_STAGE',
        stage: 'START_PERMIT',
        decision: 'ACCEPT',
      });
      r = await reportOf(h);
      expect(r.clock).toMatchObject({ usedDays: 4, remainingDays: 76, dueDate: '2026-07-01' });
      s = await stateOf(h);
      expect(item(s, 'PLANNING_PERMIT').status).toBe('PENDING'); // needs DESIGN_SCHEME

      // Fri 03-13: all but PLANNING_PERMIT approved; it starts today and is approved Mon 03-16.
      await env.sleep(hours(2 * day));
      const startPermit = s.items.filter((i) => i.stage === 'START_PERMIT').map((i) => i.code);
      await approveAll(
        h,
        startPermit.filter((c) => c !== 'PLANNING_PERMIT'),
      );
      s = await stateOf(h);
      expect(item(s, 'PLANNING_PERMIT').intervals).toEqual([{ from: '2026-03-13' }]);
      await env.sleep(hours(3 * day));
      await approveAll(h, ['PLANNING_PERMIT']);

      // COMPLETION accepted the same Monday: the filing waits for the four acceptances, the
      // registration for the filing.
      await openStage(h, 'COMPLETION');
      s = await stateOf(h);
      expect(statuses(s, 'COMPLETION')).toEqual({
        JOINT_SURVEYING: 'UNDER_REVIEW',
        PLANNING_VERIFICATION: 'UNDER_REVIEW',
        FIRE_ACCEPTANCE: 'UNDER_REVIEW',
        CIVIL_AIR_DEFENCE_FILING: 'UNDER_REVIEW',
        ARCHIVES_ACCEPTANCE: 'UNDER_REVIEW',
        COMPLETION_FILING: 'PENDING',
        FIRST_REGISTRATION: 'PENDING',
      });
      r = await reportOf(h);
      // START_PERMIT ran (03-11, 03-16]: 12, 13, 16.
      expect(r.stages.map((x) => x.usedDays)).toEqual([4, 3, 0]);
      expect(r.clock.usedDays).toBe(7);

      await env.sleep(hours(day)); // Tue 03-17
      await approveAll(h, [
        'JOINT_SURVEYING',
        'PLANNING_VERIFICATION',
        'FIRE_ACCEPTANCE',
        'CIVIL_AIR_DEFENCE_FILING',
      ]);
      s = await stateOf(h);
      expect(item(s, 'COMPLETION_FILING').status).toBe('PENDING');
      await approveAll(h, ['ARCHIVES_ACCEPTANCE']);
      await env.sleep(hours(day)); // Wed 03-18
      await approveAll(h, ['COMPLETION_FILING']);
      await env.sleep(hours(day)); // Thu 03-19
      await approveAll(h, ['FIRST_REGISTRATION']);

      s = await stateOf(h);
      expect(item(s, 'COMPLETION_FILING').intervals).toEqual([
        { from: '2026-03-17', to: '2026-03-18' },
      ]);
      expect(item(s, 'FIRST_REGISTRATION').intervals).toEqual([
        { from: '2026-03-18', to: '2026-03-19' },
      ]);
      expect(s).toMatchObject({ status: 'COMPLETED', closedOn: '2026-03-19' });
      expect(s.stages.map((x) => x.status)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);
      expect(s.items.every((i) => i.status === 'APPROVED')).toBe(true);
      // (03-16, 03-19]: 17, 18, 19 on top of 7.
      expect(await completedResult(env, h)).toEqual({
        projectId: input.projectId,
        status: 'COMPLETED',
        closedOn: '2026-03-19',
        usedDays: 10,
      });
      r = await reportOf(h);
      expect(r.clock).toMatchObject({
        usedDays: 10,
        remainingDays: 70,
        dueDate: null,
        projectedCompletionDate: '2026-03-19',
      });
      expect(r.stages.map((x) => x.usedDays)).toEqual([4, 3, 3]);
      const types = rm.events(input.projectId).map((e) => e.type);
      expect(types.filter((t) => t === 'ITEM_APPROVED')).toHaveLength(26);
      expect(types.filter((t) => t === 'STAGE_COMPLETED')).toHaveLength(3);
      expect(types.at(-1)).toBe('PROJECT_COMPLETED');
      // Every item kept its promise (short ones were warned about on their way).
      const itemClocks = r.stages.flatMap((x) => x.themes.flatMap((t) => t.items)) as {
        clock: { risk: string; usedDays: number; limitDays: number };
      }[];
      expect(itemClocks.filter((i) => i.clock.risk !== 'ON_TRACK')).toEqual([]);
      const notices = rm.notices(input.projectId);
      // The applicant hears of the return, each stage's acceptance and each item's approval.
      const toApplicant = notices.filter((n) => n.recipientRole === 'APPLICANT').map((n) => n.kind);
      expect(toApplicant.filter((k) => k === 'STAGE_RETURNED')).toHaveLength(1);
      expect(toApplicant.filter((k) => k === 'STAGE_ACCEPTED')).toHaveLength(3);
      expect(toApplicant.filter((k) => k === 'ITEM_APPROVED')).toHaveLength(26);
      expect(new Set(notices.map((n) => n.kind))).toEqual(
        new Set(['STAGE_RETURNED', 'STAGE_ACCEPTED', 'ITEM_APPROVED', 'WARNING']),
      );
    });
  });
  it('an illegal decision is refused with its reason and leaves no trace', async () => {
    await sleepUntil(env, '2026-03-23T01:00:00Z'); // Mon 03-23 09:00
    await run(async (taskQueue) => {
      const input = projectInput([{ code: 'LAND_PRE_REVIEW', department: 'NRP' }]);
      const h = await start(taskQueue, input);
      await openStage(h);
      await send(h, actors.officer('NRP'), {
        kind: 'DECIDE',
        itemCode: 'LAND_PRE_REVIEW',
        action: 'REQUEST_SUPPLEMENT',
        comment: 'red-line map unsigned',
      });
      const before = await stateOf(h);
      const historyBefore = (await h.fetchHistory()).events!.length;
      const eventsBefore = rm.events(input.projectId).length;

      // 409: APPROVE needs the item under review; the reason names the state it is in.
      expect(
        await refusal(
          send(
            h,
            actors.officer('NRP'),
            { kind: 'DECIDE', itemCode: 'LAND_PRE_REVIEW', action: 'APPROVE' },
            'approve-too-early',
          ),
        ),
      ).toEqual({
        type: 'CommandRefused.CONFLICT',
        message: 'item LAND_PRE_REVIEW is SUPPLEMENT_REQUESTED; APPROVE needs it UNDER_REVIEW',
      });
      // Only the validator's workflow task (the test server records it; a real server drops
      // such a speculative task): no update, no marker, no timer.
      const afterRefusal = (await h.fetchHistory()).events!.slice(historyBefore);
      expect(
        afterRefusal.map((e) =>
          Object.keys(e).find((k) => k.endsWith('EventAttributes') && e[k as keyof typeof e]),
        ),
      ).toEqual([
        'workflowTaskScheduledEventAttributes',
        'workflowTaskStartedEventAttributes',
        'workflowTaskCompletedEventAttributes',
      ]);
      // 404: not on the checklist; 400: a supplement request must say what is missing.
      expect(
        await refusal(
          send(h, actors.officer('NRP'), { kind: 'DECIDE', itemCode: 'NOPE', action: 'APPROVE' }),
        ),
      ).toEqual({
        type: 'CommandRefused.NOT_FOUND',
        message: "item NOPE is not on this project's checklist",
      });
      expect(
        await refusal(send(h, actors.applicant, { kind: 'SUBMIT_STAGE', stage: 'START_PERMIT' })),
      ).toEqual({
        type: 'CommandRefused.CONFLICT',
        message: 'the project is in stage PLAN, not START_PERMIT',
      });
      await send(h, actors.applicant, { kind: 'ANSWER_SUPPLEMENT', itemCode: 'LAND_PRE_REVIEW' });
      expect(
        await refusal(
          send(h, actors.officer('NRP'), {
            kind: 'DECIDE',
            itemCode: 'LAND_PRE_REVIEW',
            action: 'REQUEST_SUPPLEMENT',
            comment: ' ',
          }),
        ),
      ).toEqual({
        type: 'CommandRefused.INVALID',
        message: 'comment (what the applicant must supply) is required',
      });

      // Refusals change nothing: no timeline event, no state change, no update in history.
      const after = await stateOf(h);
      expect(after.seq).toBe(before.seq + 1); // the answer only
      expect(
        rm
          .events(input.projectId)
          .slice(eventsBefore)
          .map((e) => e.type),
      ).toEqual(['SUPPLEMENT_ANSWERED']);
      const history = (await h.fetchHistory()).events!;
      const updates = history.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
      expect(updates).toHaveLength(4); // submit, accept, supplement, answer
      expect(JSON.stringify(history)).not.toContain('approve-too-early');
      await send(h, actors.applicant, { kind: 'WITHDRAW_PROJECT', reason: 'done' });
    });
  });

  it('a rejected item blocks its stage until it is resubmitted (fresh clock) or withdrawn', async () => {
    await sleepUntil(env, '2026-03-24T01:00:00Z'); // Tue 03-24 09:00
    await run(async (taskQueue) => {
      const input = projectInput([
        { code: 'LAND_PRE_REVIEW', department: 'NRP' },
        { code: 'EIA_TABLE', department: 'EEB', theme: 'ASSESSMENTS' },
        { code: 'CONSTRUCTION_PERMIT', department: 'HCD', stage: 'START_PERMIT' },
      ]);
      const h = await start(taskQueue, input);
      await openStage(h);
      await env.sleep(hours(2 * day)); // Thu 03-26
      expect(
        await refusal(
          send(h, actors.officer('NRP'), {
            kind: 'DECIDE',
            itemCode: 'LAND_PRE_REVIEW',
            action: 'REJECT',
          }),
        ),
      ).toMatchObject({ type: 'CommandRefused.INVALID' });
      await send(h, actors.officer('NRP'), {
        kind: 'DECIDE',
        itemCode: 'LAND_PRE_REVIEW',
        action: 'REJECT',
        comment: 'the site is farmland',
      });
      await approve(h, { department: 'EEB' }, 'EIA_TABLE');
      let s = await stateOf(h);
      expect(s).toMatchObject({ status: 'IN_PROGRESS', stage: 'PLAN' });
      expect(s.stages[0].status).toBe('BLOCKED');
      expect(item(s, 'LAND_PRE_REVIEW')).toMatchObject({
        status: 'REJECTED',
        decidedOn: '2026-03-26',
        intervals: [{ from: '2026-03-24', to: '2026-03-26' }],
      });
      expect(rm.notices(input.projectId)).toContainEqual(
        expect.objectContaining({
          kind: 'ITEM_REJECTED',
          recipientRole: 'APPLICANT',
          itemCode: 'LAND_PRE_REVIEW',
          message: expect.stringContaining('the site is farmland'),
        }),
      );
      expect(
        await refusal(send(h, actors.applicant, { kind: 'SUBMIT_STAGE', stage: 'START_PERMIT' })),
      ).toMatchObject({ type: 'CommandRefused.CONFLICT' });

      // Mon 03-30: resubmitted: round 2 on a fresh item clock; round 1 stays on the project's.
      await env.sleep(hours(4 * day));
      await send(h, actors.applicant, { kind: 'RESUBMIT_ITEM', itemCode: 'LAND_PRE_REVIEW' });
      let r = await reportOf(h);
      // (03-24, 03-26]; nothing ran while it stood rejected, and 03-30 itself does not count.
      expect(r).toMatchObject({ asOf: '2026-03-30', clock: { usedDays: 2 } });
      s = await stateOf(h);
      expect(s.stages[0].status).toBe('IN_REVIEW');
      expect(item(s, 'LAND_PRE_REVIEW')).toMatchObject({
        status: 'UNDER_REVIEW',
        round: 2,
        intervals: [{ from: '2026-03-30' }],
        pastIntervals: [{ from: '2026-03-24', to: '2026-03-26' }],
      });
      expect(rm.last(input.projectId).items[0]).toMatchObject({
        usedDays: 0,
        dueDate: '2026-04-14', // 10 working days after 03-30, over Qingming (04-06)
      });

      // Tue 03-31: rejected again, then withdrawn: the stage no longer waits for it.
      await env.sleep(hours(day));
      await send(h, actors.officer('NRP'), {
        kind: 'DECIDE',
        itemCode: 'LAND_PRE_REVIEW',
        action: 'REJECT',
        comment: 'still farmland',
      });
      r = await reportOf(h);
      expect(r).toMatchObject({ asOf: '2026-03-31', clock: { usedDays: 3 } });
      s = await stateOf(h);
      expect(s.stages[0].status).toBe('BLOCKED');
      await send(h, actors.applicant, {
        kind: 'WITHDRAW_ITEM',
        itemCode: 'LAND_PRE_REVIEW',
        reason: 'another site',
      });
      s = await stateOf(h);
      expect(item(s, 'LAND_PRE_REVIEW').status).toBe('WITHDRAWN');
      expect(s.stages[0]).toMatchObject({ status: 'COMPLETED', completedOn: '2026-03-31' });
      expect(s).toMatchObject({ status: 'IN_PROGRESS', stage: 'START_PERMIT' });
      await send(h, actors.applicant, { kind: 'WITHDRAW_PROJECT', reason: 'project cancelled' });
      expect(await completedResult(env, h)).toMatchObject({
        status: 'WITHDRAWN',
        closedOn: '2026-03-31',
      });
    });
  });

  it('withdrawing a project while an item stands rejected ends it REJECTED', async () => {
    await run(async (taskQueue) => {
      const input = projectInput([{ code: 'LAND_PRE_REVIEW', department: 'NRP' }]);
      const h = await start(taskQueue, input);
      await openStage(h);
      await send(h, actors.officer('NRP'), {
        kind: 'DECIDE',
        itemCode: 'LAND_PRE_REVIEW',
        action: 'REJECT',
        comment: 'the site is farmland',
      });
      await send(h, actors.applicant, { kind: 'WITHDRAW_PROJECT' });
      expect(await completedResult(env, h)).toMatchObject({ status: 'REJECTED' });
      expect(rm.events(input.projectId).at(-1)).toMatchObject({ type: 'PROJECT_REJECTED' });
    });
  });

  it('duplicates are harmless: one workflow per project, one effect per request id', async () => {
    await run(async (taskQueue) => {
      const input = projectInput([{ code: 'LAND_PRE_REVIEW', department: 'NRP' }]);
      const h = await start(taskQueue, input);
      const { runId } = await h.describe();
      await expect(start(taskQueue, input)).rejects.toBeInstanceOf(
        WorkflowExecutionAlreadyStartedError,
      );
      const again = await env.client.workflow.start(projectWorkflow, {
        workflowId: `project-${input.projectId}`,
        taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
      expect((await again.describe()).runId).toBe(runId);

      await openStage(h);
      const supplement = {
        kind: 'DECIDE',
        itemCode: 'LAND_PRE_REVIEW',
        action: 'REQUEST_SUPPLEMENT',
        comment: 'seal missing',
      } as const;
      const first = await send(h, actors.officer('NRP'), supplement, 'req-1');
      // The same update id again (a client retry): Temporal answers with the first outcome.
      expect(await send(h, actors.officer('NRP'), supplement, 'req-1')).toEqual(first);
      // The same request id under another update id (e.g. after a restart): the workflow
      // recognises it; otherwise it would be refused, the item being SUPPLEMENT_REQUESTED now.
      const retried = await h.executeUpdate(projectCommandUpdate, {
        args: [{ actor: actors.officer('NRP'), command: supplement, requestId: 'req-1' }],
        updateId: 'req-1-retry',
      });
      expect(retried).toMatchObject({
        duplicate: true,
        item: { code: 'LAND_PRE_REVIEW', status: 'SUPPLEMENT_REQUESTED' },
      });
      const s = await stateOf(h);
      expect(s.seq).toBe(first.seq);
      expect(item(s, 'LAND_PRE_REVIEW').pauses).toHaveLength(1);
      expect(
        rm.events(input.projectId).filter((e) => e.type === 'SUPPLEMENT_REQUESTED'),
      ).toHaveLength(1);
      expect(rm.notices(input.projectId).filter((n) => n.kind === 'CLOCK_STOPPED')).toHaveLength(1);
      await send(h, actors.applicant, { kind: 'WITHDRAW_PROJECT' });
      expect(await completedResult(env, h)).toMatchObject({ status: 'WITHDRAWN' });
    });
  });
  it('an imported project starts with its elapsed days on the clock', async () => {
    await sleepUntil(env, '2026-03-31T02:00:00Z'); // Tue 03-31 10:00
    await run(async (taskQueue) => {
      // PLAN was accepted elsewhere on Mon 03-16.
      const input = projectInput(
        [
          { code: 'LAND_PRE_REVIEW', department: 'NRP', limitDays: 10 },
          { code: 'EIA_TABLE', department: 'EEB', theme: 'ASSESSMENTS', limitDays: 20 },
        ],
        { acceptedAt: '2026-03-16' },
      );
      const h = await start(taskQueue, input);
      // (03-16, 03-31] = 11 working days: LAND_PRE_REVIEW was due 03-30 and is escalated at once.
      await eventually(() =>
        expect(rm.events(input.projectId).map((e) => e.type)).toContain('ITEM_OVERDUE'),
      );
      const s = await stateOf(h);
      expect(s.stages[0]).toMatchObject({ status: 'IN_REVIEW', acceptedOn: '2026-03-16' });
      expect(s.items.map((i) => [i.code, i.intervals, i.risk])).toEqual([
        ['LAND_PRE_REVIEW', [{ from: '2026-03-16' }], 'OVERDUE'],
        ['EIA_TABLE', [{ from: '2026-03-16' }], 'ON_TRACK'],
      ]);
      expect(rm.last(input.projectId).projectClock).toMatchObject({
        usedDays: 11,
        remainingDays: 69,
      });
      expect(
        rm
          .notices(input.projectId)
          .filter((n) => n.kind === 'OVERDUE_ESCALATION')
          .map((n) => [n.recipientRole, n.itemCode]),
      ).toEqual([
        ['DEPARTMENT_HEAD', 'LAND_PRE_REVIEW'],
        ['SUPERVISOR', 'LAND_PRE_REVIEW'],
        ['SUPERVISOR', undefined], // the project is overdue while an item is
      ]);
      expect(s.risk).toBe('OVERDUE');
      await send(h, actors.applicant, { kind: 'WITHDRAW_PROJECT' });
    });
  });

  it('a decision answers its item and the project clock as written; the write carries the changed items only; another department is told the item does not exist', async () => {
    await sleepUntil(env, '2026-04-01T01:00:00Z'); // Wed 04-01 09:00
    await run(async (taskQueue) => {
      const input = projectInput([
        { code: 'LAND_PRE_REVIEW', department: 'NRP' },
        { code: 'EIA_TABLE', department: 'EEB' },
      ]);
      const h = await start(taskQueue, input);
      await openStage(h);
      const writes = rm.writes.length;

      const answer = await send(h, actors.officer('NRP'), {
        kind: 'DECIDE',
        itemCode: 'LAND_PRE_REVIEW',
        action: 'APPROVE',
      });
      expect(answer.item).toEqual({ code: 'LAND_PRE_REVIEW', status: 'APPROVED', round: 1 });
      const report = await reportOf(h);
      const reported = report.stages[0].themes
        .flatMap((t) => t.items)
        .find((i) => i.code === 'LAND_PRE_REVIEW');
      expect(answer.changed).toEqual({ item: reported, clock: report.clock, asOf: '2026-04-01' });

      const write = rm.writes.slice(writes).find((w) => w.state.projectId === input.projectId)!;
      expect(write.changedItemsOnly).toBe(true);
      expect(write.items.map((i) => i.code)).toEqual(['LAND_PRE_REVIEW']);
      expect(rm.last(input.projectId).items.map((i) => i.code)).toEqual([
        'LAND_PRE_REVIEW',
        'EIA_TABLE',
      ]);

      // Whatever its state, another department's item is unknown to the officer.
      for (const itemCode of ['LAND_PRE_REVIEW', 'EIA_TABLE']) {
        expect(
          (
            await refusal(
              send(h, actors.officer('DRC'), { kind: 'DECIDE', itemCode, action: 'APPROVE' }),
            )
          ).type,
        ).toBe('CommandRefused.NOT_FOUND');
      }
    });
  });
});
