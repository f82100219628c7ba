/**
 * Records the history fixtures that replay.spec.ts replays on every CI run. Skipped unless
 * RECORD_FIXTURES=1; run it when a workflow changes on purpose (behind `patched()` once runs
 * are in production) and commit the new files next to the old ones:
 *
 *   RECORD_FIXTURES=1 npx jest --selectProjects e2e --testPathPatterns record-fixtures
 *
 * Each scenario is small but walks through every command, timer, signal and continue-as-new
 * path of its workflow type, so a change that would break a running workflow fails the replay.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { withYearSchedule } from '../../libs/calendar/src/core';
import {
  calendarUpdatedSignal,
  projectCommandUpdate,
  rewriteReadModelSignal,
} from '../../libs/temporal/src';
import { projectWorkflow } from '../../workflows/project.workflow';
import { mailDeliveryWorkflow } from '../../workflows/mail-delivery.workflow';
import { ApplicationFailure } from '@temporalio/common';
import {
  ProjectHandle,
  ReadModel,
  TimeSkippingEnv,
  actors,
  calendarSnapshot,
  completedResult,
  eventually,
  hours,
  makeWorker,
  openStage,
  projectInput,
  send,
  sleepUntil,
  startEnv,
  stateOf,
} from './harness';

const FIXTURES = join(__dirname, 'fixtures');
// Only collected with RECORD_FIXTURES=1 (jest.config.js): it rewrites the committed fixtures.
const describeIf = describe;

describeIf('record replay fixtures', () => {
  let ts: TimeSkippingEnv;
  let env: TestWorkflowEnvironment;
  const rm = new ReadModel();

  beforeAll(async () => {
    mkdirSync(FIXTURES, { recursive: true });
    ts = await startEnv('2026-12-14T01:00:00Z'); // Mon 12-14 09:00 Beijing
    env = ts.env;
  });
  afterAll(async () => {
    await ts?.stop();
  });

  async function save(name: string, workflowId: string, runId?: string) {
    const history = await env.client.workflow.getHandle(workflowId, runId).fetchHistory();
    // protobufjs's own JSON form (longs and enums as strings, bytes as base64), read back with
    // History.fromObject. Not the SDK's historyToJSON: it needs the protobufjs copy that
    // @temporalio/proto was built with, and this install nests another one under common.
    const json = temporal.api.history.v1.History.fromObject(history).toJSON();
    const file = join(FIXTURES, `${name}.json`);
    writeFileSync(file, JSON.stringify(json));
    // Formatted as the repository formats JSON, so `prettier --check` stays clean.
    execFileSync(process.execPath, [require.resolve('prettier/bin/prettier.cjs'), '--write', file]);
  }
  const start = (taskQueue: string, input: ReturnType<typeof projectInput>) =>
    env.client.workflow.start(projectWorkflow, {
      workflowId: `project-${input.projectId}`,
      taskQueue,
      args: [input],
    });
  const decide = (h: ProjectHandle, department: string, itemCode: string, extra: object) =>
    send(h, actors.officer(department), { kind: 'DECIDE', itemCode, ...extra } as never);

  it('project: through all three stages to COMPLETED', async () => {
    const { worker, taskQueue } = await makeWorker(env, rm);
    await worker.runUntil(async () => {
      const input = projectInput([
        { code: 'LAND_PRE_REVIEW', department: 'NRP', jointProcedure: 'SITE_SURVEY' },
        {
          code: 'SOIL_WATER',
          department: 'WRB',
          theme: 'ASSESSMENTS',
          jointProcedure: 'SITE_SURVEY',
        },
        { code: 'LAND_USE_PERMIT', department: 'NRP', prerequisites: ['LAND_PRE_REVIEW'] },
        { code: 'DESIGN_SCHEME', department: 'NRP', stage: 'START_PERMIT', limitDays: 3 },
        { code: 'FIRST_REGISTRATION', department: 'NRP', stage: 'COMPLETION' },
      ]);
      const h = await start(taskQueue, input);
      await send(h, actors.applicant, { kind: 'SUBMIT_STAGE', stage: 'PLAN' });
      await send(h, actors.window, {
        kind: 'ACCEPT_STAGE',
        stage: 'PLAN',
        decision: 'RETURN',
        reason: 'site plan missing',
      });
      await openStage(h, 'PLAN');
      await env.sleep(hours(24));
      await send(h, actors.window, {
        kind: 'SCHEDULE_JOINT_PROCEDURE',
        type: 'SITE_SURVEY',
        date: '2026-12-17',
      });
      const jp = (await stateOf(h)).jointProcedures[0].id;
      for (const department of ['NRP', 'WRB'])
        await send(h, actors.officer(department), {
          kind: 'RECORD_JOINT_RESULT',
          procedureId: jp,
          department,
          passed: true,
        });
      await decide(h, 'NRP', 'LAND_PRE_REVIEW', { action: 'APPROVE' });
      await decide(h, 'WRB', 'SOIL_WATER', { action: 'REJECT', comment: 'runoff plan' });
      await send(h, actors.applicant, { kind: 'RESUBMIT_ITEM', itemCode: 'SOIL_WATER' });
      await decide(h, 'WRB', 'SOIL_WATER', { action: 'APPROVE' });
      await decide(h, 'NRP', 'LAND_USE_PERMIT', { action: 'APPROVE' });
      await openStage(h, 'START_PERMIT');
      await send(h, actors.head('NRP'), {
        kind: 'GRANT_EXTENSION',
        itemCode: 'DESIGN_SCHEME',
        days: 2,
        reason: 'complex site',
      });
      await env.sleep(hours(3 * 24)); // a warning fires
      await decide(h, 'NRP', 'DESIGN_SCHEME', { action: 'APPROVE' });
      await openStage(h, 'COMPLETION');
      await decide(h, 'NRP', 'FIRST_REGISTRATION', { action: 'APPROVE' });
      expect(await completedResult(env, h)).toMatchObject({ status: 'COMPLETED' });
      await save('project-completed', h.workflowId);
    });
  });

  it('project: express lanes — pre-review, approval on commitment, a check after completion', async () => {
    const { worker, taskQueue } = await makeWorker(env, rm);
    await worker.runUntil(async () => {
      const input = projectInput([
        { code: 'EIA_TABLE', department: 'EEB', theme: 'ASSESSMENTS', commitmentCheckDays: 5 },
        { code: 'DESIGN_SCHEME', department: 'NRP', stage: 'START_PERMIT', limitDays: 3 },
      ]);
      const h = await start(taskQueue, input);
      await openStage(h, 'PLAN');
      await send(h, actors.applicant, { kind: 'PRE_REVIEW_STAGE', stage: 'START_PERMIT' });
      await send(h, actors.officer('NRP'), {
        kind: 'PRE_REVIEW_COMMENT',
        itemCode: 'DESIGN_SCHEME',
        comment: 'elevation missing',
      });
      await env.sleep(hours(24));
      await decide(h, 'EEB', 'EIA_TABLE', {
        action: 'APPROVE_ON_COMMITMENT',
        commitment: 'measures in place',
      });
      await send(h, actors.window, {
        kind: 'ACCEPT_STAGE',
        stage: 'START_PERMIT',
        decision: 'ACCEPT',
      });
      await decide(h, 'NRP', 'DESIGN_SCHEME', { action: 'APPROVE' });
      await env.sleep(hours(24));
      await send(h, actors.officer('EEB'), {
        kind: 'CHECK_COMMITMENT',
        itemCode: 'EIA_TABLE',
        passed: false,
        comment: 'not built',
      });
      expect(await completedResult(env, h)).toMatchObject({ status: 'COMPLETED' });
      await save('project-express-lanes', h.workflowId);
    });
  });

  it('project: clock stops, missed deficiency, overdue, calendar update, withdrawn', async () => {
    await sleepUntil(env, '2026-12-21T01:00:00Z'); // Mon 12-21
    const { worker, taskQueue } = await makeWorker(env, rm);
    await worker.runUntil(async () => {
      const input = projectInput([
        { code: 'LAND_PRE_REVIEW', department: 'NRP', limitDays: 3 },
        { code: 'EIA_TABLE', department: 'EEB', theme: 'ASSESSMENTS' },
        { code: 'ENERGY_REVIEW', department: 'DRC', theme: 'ASSESSMENTS' },
      ]);
      const h = await start(taskQueue, input);
      await openStage(h);
      await decide(h, 'NRP', 'LAND_PRE_REVIEW', {
        action: 'REQUEST_SUPPLEMENT',
        comment: 'seal missing',
      });
      await send(
        h,
        actors.officer('EEB'),
        {
          kind: 'DECIDE',
          itemCode: 'EIA_TABLE',
          action: 'START_SPECIAL_PROCEDURE',
          procedure: { type: 'EXPERT_REVIEW', expectedDays: 2 },
        },
        'expert-1',
      );
      // A retried request under another update id, and a refused one.
      await h.executeUpdate(projectCommandUpdate, {
        args: [
          {
            actor: actors.officer('EEB'),
            requestId: 'expert-1',
            command: {
              kind: 'DECIDE',
              itemCode: 'EIA_TABLE',
              action: 'START_SPECIAL_PROCEDURE',
              procedure: { type: 'EXPERT_REVIEW', expectedDays: 2 },
            },
          },
        ],
        updateId: 'expert-1-retry',
      });
      await decide(h, 'NRP', 'LAND_PRE_REVIEW', { action: 'APPROVE' }).catch(() => undefined);
      await decide(h, 'DRC', 'ENERGY_REVIEW', {
        action: 'ACCEPT_WITH_DEFICIENCY',
        deficiency: { description: 'audit report', dueDate: '2026-12-22' },
      });
      await env.sleep(hours(2 * 24)); // Wed 12-23: the deficiency was missed
      await send(h, actors.applicant, { kind: 'ANSWER_SUPPLEMENT', itemCode: 'LAND_PRE_REVIEW' });
      await decide(h, 'EEB', 'EIA_TABLE', { action: 'END_SPECIAL_PROCEDURE' });
      await send(h, actors.applicant, { kind: 'DELIVER_DEFICIENCY', itemCode: 'ENERGY_REVIEW' });
      const next = withYearSchedule(
        calendarSnapshot(),
        // TEST DATA, not the State Council's schedule.
        { year: 2027, holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [] },
        'test',
      );
      await h.signal(calendarUpdatedSignal, next);
      await eventually(() =>
        expect(rm.events(input.projectId).map((e) => e.type)).toContain('CALENDAR_UPDATED'),
      );
      await env.sleep(hours(6 * 24)); // warnings and LAND_PRE_REVIEW overdue
      await send(h, actors.applicant, { kind: 'WITHDRAW_PROJECT', reason: 'moved' });
      expect(await completedResult(env, h)).toMatchObject({ status: 'WITHDRAWN' });
      await save('project-clock-stops', h.workflowId);
    });
  });

  it('project: continued as new, a deadline fires in the next run', async () => {
    await sleepUntil(env, '2027-01-04T01:00:00Z'); // Mon 2027-01-04 (provisional year)
    const { worker, taskQueue } = await makeWorker(env, rm);
    await worker.runUntil(async () => {
      const input = projectInput(
        [
          { code: 'LAND_PRE_REVIEW', department: 'NRP', limitDays: 5 },
          { code: 'EIA_TABLE', department: 'EEB', theme: 'ASSESSMENTS' },
        ],
        { historyLimit: 60 },
      );
      const h = await start(taskQueue, input);
      await openStage(h);
      for (let i = 1; (await h.describe()).runId === h.firstExecutionRunId; i++) {
        await decide(h, 'EEB', 'EIA_TABLE', { action: 'REQUEST_SUPPLEMENT', comment: `r${i}` });
        await send(h, actors.applicant, { kind: 'ANSWER_SUPPLEMENT', itemCode: 'EIA_TABLE' });
      }
      await env.sleep(hours(8 * 24)); // LAND_PRE_REVIEW warns and becomes overdue
      await decide(h, 'NRP', 'LAND_PRE_REVIEW', { action: 'APPROVE' });
      await decide(h, 'EEB', 'EIA_TABLE', { action: 'APPROVE' });
      expect(await completedResult(env, h)).toMatchObject({ status: 'COMPLETED' });
      await save('project-continued-as-new-run1', h.workflowId, h.firstExecutionRunId);
      await save('project-continued-as-new-run2', h.workflowId);
    });
  });

  it('project: a write the read model refused is held, then taken; a repair rewrites it', async () => {
    let refusing = false;
    const projectState = async (input: Parameters<ReadModel['projectState']>[0]) => {
      if (refusing)
        throw ApplicationFailure.nonRetryable('SQLSTATE 22P02', 'ProjectionInputInvalid');
      return rm.projectState(input);
    };
    const projectionRefused = async () => undefined;
    const { worker, taskQueue } = await makeWorker(env, rm, { projectState, projectionRefused });
    await worker.runUntil(async () => {
      const input = projectInput([{ code: 'A' }, { code: 'B' }]);
      const h = await start(taskQueue, input);
      await openStage(h);
      refusing = true;
      const rejected = decide(h, 'NRP', 'A', { action: 'REJECT', comment: 'site plan missing' });
      await env.sleep('30 seconds');
      refusing = false;
      await env.sleep('40 seconds');
      await rejected;
      await h.signal(rewriteReadModelSignal);
      await send(h, actors.applicant, { kind: 'WITHDRAW_PROJECT', reason: 'done' });
      await completedResult(env, h);
      await save('project-held-write', h.workflowId);
    });
  });

  it('mail delivery: sent after the server was down twice; refused for good', async () => {
    let calls = 0;
    const given: string[] = [];
    const { worker, taskQueue } = await makeWorker(env, rm, {
      deliverNoticeMail: async ({ outboxId }: { outboxId: string }) => {
        if (outboxId === 'refused') {
          throw ApplicationFailure.create({ message: '550 no such mailbox', nonRetryable: true });
        }
        if (++calls < 3) throw new Error('connect ECONNREFUSED');
        return 'SENT';
      },
      giveUpNoticeMail: async ({ outboxId }: { outboxId: string }) => {
        given.push(outboxId);
      },
    });
    await worker.runUntil(async () => {
      for (const [outboxId, outcome] of [
        ['sent', 'SENT'],
        ['refused', 'FAILED'],
      ]) {
        const h = await env.client.workflow.start(mailDeliveryWorkflow, {
          workflowId: `notice-mail-${outboxId}`,
          taskQueue,
          args: [{ outboxId }],
        });
        expect(await h.result()).toBe(outcome);
        await save(`mail-delivery-${outboxId}`, h.workflowId);
      }
    });
    expect(given).toEqual(['refused']);
  });
});
