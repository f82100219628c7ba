import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { projectWorkflow } from '../../workflows/project.workflow';
import {
  ProjectHandle,
  ReadModel,
  TimeSkippingEnv,
  actors,
  completedResult,
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
 * The express lanes of issue 27 on the real workflow with time skipping: pre-review (预审) of
 * the next stage while the current one is in review, and approval on commitment (告知承诺制)
 * with its follow-up check (核查). Dates are Beijing (UTC+8); April 2026 has Qingming (04-04 …
 * 04-06 off).
 */
describe('express lanes', () => {
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
  const approve = (h: ProjectHandle, department: string, itemCode: string) =>
    send(h, actors.officer(department), { kind: 'DECIDE', itemCode, action: 'APPROVE' });

  it('pre-review days never count, and a pre-reviewed stage’s items start the working day the previous stage completes', async () => {
    await run(async (taskQueue) => {
      const input = projectInput([
        { code: 'LAND_PRE_REVIEW', department: 'NRP', limitDays: 10 },
        {
          code: 'PLANNING_PERMIT',
          department: 'NRP',
          stage: 'START_PERMIT',
          theme: 'PLANNING',
          limitDays: 5,
        },
        {
          code: 'FIRE_DESIGN_REVIEW',
          department: 'FIRE',
          stage: 'START_PERMIT',
          theme: 'DRAWING_REVIEW',
          limitDays: 5,
        },
      ]);
      const h = await start(taskQueue, input);
      await openStage(h); // Mon 03-23
      // A stage that does not follow the current one is refused, and nothing changes.
      expect(
        await refusal(send(h, actors.applicant, { kind: 'PRE_REVIEW_STAGE', stage: 'COMPLETION' })),
      ).toMatchObject({
        type: 'CommandRefused.CONFLICT',
        message: expect.stringMatching(/does not follow/),
      });

      // Tue 03-24: START_PERMIT handed in for pre-review; its items wait there with no clock.
      await sleepUntil(env, '2026-03-24T02:00:00Z');
      await send(h, actors.applicant, { kind: 'PRE_REVIEW_STAGE', stage: 'START_PERMIT' });
      let s = await stateOf(h);
      expect(item(s, 'PLANNING_PERMIT')).toMatchObject({ status: 'PRE_REVIEW', intervals: [] });
      expect(s.stages[1]).toMatchObject({ status: 'NOT_STARTED', preReviewedOn: '2026-03-24' });
      // The fire department comments on Wed; the applicant corrects on Thu.
      await sleepUntil(env, '2026-03-25T02:00:00Z');
      await send(h, actors.officer('FIRE'), {
        kind: 'PRE_REVIEW_COMMENT',
        itemCode: 'FIRE_DESIGN_REVIEW',
        comment: '消防车道宽度未标注',
      });
      await sleepUntil(env, '2026-03-26T02:00:00Z');
      await send(h, actors.applicant, { kind: 'PRE_REVIEW_STAGE', stage: 'START_PERMIT' });

      // Eight working days of pre-review later (Thu 04-02), PLAN completes: START_PERMIT is handed
      // in that day and the window confirms the next working day (Tue 04-07, after Qingming).
      await sleepUntil(env, '2026-04-02T02:00:00Z');
      await approve(h, 'NRP', 'LAND_PRE_REVIEW');
      s = await stateOf(h);
      expect(s.stages[0]).toMatchObject({ status: 'COMPLETED', completedOn: '2026-04-02' });
      expect(s.stages[1]).toMatchObject({ status: 'SUBMITTED', submittedOn: '2026-04-02' });
      await sleepUntil(env, '2026-04-07T02:00:00Z');
      await send(h, actors.window, {
        kind: 'ACCEPT_STAGE',
        stage: 'START_PERMIT',
        decision: 'ACCEPT',
      });
      s = await stateOf(h);
      expect(s.stages[1].acceptedOn).toBe('2026-04-02');
      for (const code of ['PLANNING_PERMIT', 'FIRE_DESIGN_REVIEW'])
        expect(item(s, code).intervals).toEqual([{ from: '2026-04-02' }]);

      // On Tue 04-07 the items have used Fri 04-03 and Tue 04-07: 2 days; none of the pre-review
      // days. The project clock is PLAN's 8 days (03-24 … 04-02) plus those 2.
      const report = await reportOf(h);
      const permit = report.stages[1].themes.flatMap((t) => t.items);
      for (const i of permit) expect(i.clock.usedDays).toBe(2);
      expect(report.clock.usedDays).toBe(10);
      // The comment is on the timeline and the applicant was told.
      expect(rm.events(input.projectId).map((e) => e.type)).toEqual(
        expect.arrayContaining([
          'PRE_REVIEW_SUBMITTED',
          'PRE_REVIEW_COMMENTED',
          'PRE_REVIEW_CORRECTED',
        ]),
      );
      expect(rm.notices(input.projectId)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'PRE_REVIEW_COMMENT', itemCode: 'FIRE_DESIGN_REVIEW' }),
        ]),
      );
      // Its timers would wake it with no worker while the next test skips time.
      await h.terminate('test done');
    });
  });

  it('approval on commitment: the workflow waits past completion for the follow-up check, and a failed check revokes the result', async () => {
    await sleepUntil(env, '2026-04-08T02:00:00Z'); // Wed 04-08
    await run(async (taskQueue) => {
      const input = projectInput([
        { code: 'EIA_TABLE', department: 'EEB', theme: 'ASSESSMENTS', commitmentCheckDays: 5 },
        { code: 'LAND_PRE_REVIEW', department: 'NRP' },
      ]);
      const id = input.projectId;
      const h = await start(taskQueue, input);
      await openStage(h);
      // Not eligible: refused with the reason, nothing done.
      expect(
        await refusal(
          send(h, actors.officer('NRP'), {
            kind: 'DECIDE',
            itemCode: 'LAND_PRE_REVIEW',
            action: 'APPROVE_ON_COMMITMENT',
            commitment: '承诺',
          }),
        ),
      ).toMatchObject({
        type: 'CommandRefused.CONFLICT',
        message: expect.stringMatching(/on commitment/),
      });
      await sleepUntil(env, '2026-04-09T02:00:00Z');
      await send(h, actors.officer('EEB'), {
        kind: 'DECIDE',
        itemCode: 'EIA_TABLE',
        action: 'APPROVE_ON_COMMITMENT',
        commitment: '本单位承诺按环评要求落实污染防治措施',
      });
      let s = await stateOf(h);
      // Thu 04-09 + 5 working days: Fri 10, Mon 13 … Thu 16.
      expect(item(s, 'EIA_TABLE').onCommitment).toEqual({
        text: '本单位承诺按环评要求落实污染防治措施',
        checkDue: '2026-04-16',
      });
      // The project completes; its workflow stays open for the check.
      await approve(h, 'NRP', 'LAND_PRE_REVIEW');
      s = await stateOf(h);
      expect(s.status).toBe('COMPLETED');
      const described = await h.describe();
      expect(described.status.name).toBe('RUNNING');

      // Wed 04-15: the check fails.
      await sleepUntil(env, '2026-04-15T02:00:00Z');
      expect(
        await refusal(
          send(h, actors.officer('EEB'), {
            kind: 'CHECK_COMMITMENT',
            itemCode: 'EIA_TABLE',
            passed: false,
          }),
        ),
      ).toMatchObject({ type: 'CommandRefused.INVALID' });
      await send(h, actors.officer('EEB'), {
        kind: 'CHECK_COMMITMENT',
        itemCode: 'EIA_TABLE',
        passed: false,
        comment: '现场未建设污水处理设施',
      });
      expect(await completedResult(env, h)).toMatchObject({ status: 'COMPLETED' });
      s = await stateOf(h);
      expect(item(s, 'EIA_TABLE')).toMatchObject({
        status: 'REVOKED',
        onCommitment: { check: { passed: false, on: '2026-04-15', by: 'officer.EEB' } },
      });
      expect(rm.last(id).state.items.find((i) => i.code === 'EIA_TABLE')?.status).toBe('REVOKED');
      expect(rm.events(id).filter((e) => e.type === 'ITEM_REVOKED')).toHaveLength(1);
      expect(rm.notices(id)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'RESULT_REVOKED', recipientRole: 'APPLICANT' }),
        ]),
      );
    });
  });
});
