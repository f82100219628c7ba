import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { projectWorkflow } from '../../workflows/project.workflow';
import {
  ReadModel,
  TimeSkippingEnv,
  actors,
  expectInstant,
  hours,
  item,
  makeWorker,
  openStage,
  projectInput,
  send,
  startEnv,
  stateOf,
} from './harness';

/**
 * Spring Festival 2026: Sat 02-14 is a make-up working day, 02-15 … 02-23 are off, Sat 02-28 is
 * a make-up working day. The server clock starts on Mon 2026-02-09 10:00 in Beijing.
 */
describe('overdue escalation across Spring Festival 2026', () => {
  let ts: TimeSkippingEnv;
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let taskQueue: string;
  const rm = new ReadModel();

  beforeAll(async () => {
    ts = await startEnv('2026-02-09T02:00:00Z');
    env = ts.env;
    ({ worker, taskQueue } = await makeWorker(env, rm));
  });
  afterAll(async () => {
    await ts?.stop();
  });

  it('warns on the make-up Saturday, and escalates at the end of the due day after the holiday', async () => {
    await worker.runUntil(async () => {
      const input = projectInput([{ code: 'LAND_PRE_REVIEW', department: 'NRP', limitDays: 8 }]);
      const h = await env.client.workflow.start(projectWorkflow, {
        workflowId: `project-${input.projectId}`,
        taskQueue,
        args: [input],
      });
      await openStage(h);
      let s = await stateOf(h);
      expect(item(s, 'LAND_PRE_REVIEW')).toMatchObject({
        status: 'UNDER_REVIEW',
        intervals: [{ from: '2026-02-09' }],
      });
      // 8 working days after 02-09: 10, 11, 12, 13, 14 (make-up Sat), 24, 25, 26.
      const last = rm.last(input.projectId);
      expect(last.items[0]).toMatchObject({ dueDate: '2026-02-26', risk: 'ON_TRACK' });

      // Friday 02-13 evening: 4 days used, threshold (5 of 8) not reached.
      await env.sleep(hours(4 * 24 + 12)); // → 2026-02-13 22:00 Beijing
      s = await stateOf(h);
      expect(item(s, 'LAND_PRE_REVIEW').risk).toBe('ON_TRACK');

      // The make-up Saturday is the 5th working day: AT_RISK from its start, officer warned.
      await env.sleep(hours(4)); // → 02-14 02:00 Beijing
      s = await stateOf(h);
      expect(item(s, 'LAND_PRE_REVIEW').risk).toBe('AT_RISK');
      const warning = rm.notices(input.projectId).find((n) => n.kind === 'WARNING')!;
      expect(warning).toMatchObject({
        recipientRole: 'OFFICER',
        department: 'NRP',
        itemCode: 'LAND_PRE_REVIEW',
      });
      expectInstant(warning.at, '2026-02-13T16:00:00Z');

      // Through the holiday nothing changes; on 02-26 (the due day) it is still not overdue.
      await env.sleep(hours(12 * 24 + 20)); // → 02-26 22:00 Beijing
      s = await stateOf(h);
      expect(item(s, 'LAND_PRE_REVIEW').risk).toBe('AT_RISK');
      expect(
        rm.notices(input.projectId).filter((n) => n.kind === 'OVERDUE_ESCALATION'),
      ).toHaveLength(0);

      // Midnight after the due day: OVERDUE, escalated to the department head and the supervisor.
      await env.sleep(hours(3));
      s = await stateOf(h);
      expect(item(s, 'LAND_PRE_REVIEW').risk).toBe('OVERDUE');
      expect(s.risk).toBe('OVERDUE');
      const escalations = rm
        .notices(input.projectId)
        .filter((n) => n.kind === 'OVERDUE_ESCALATION' && n.itemCode);
      expect(escalations.map((n) => n.recipientRole).sort()).toEqual([
        'DEPARTMENT_HEAD',
        'SUPERVISOR',
      ]);
      expectInstant(escalations[0].at, '2026-02-26T16:00:00Z');
      const overdue = rm.events(input.projectId).find((e) => e.type === 'ITEM_OVERDUE')!;
      // 02-27 is the first working day past the limit: it is the 9th day on the clock.
      expect(overdue.detail).toMatchObject({ usedDays: 9, limitDays: 8, dueDate: '2026-02-26' });

      // The officer can still decide: the item closes overdue; with no items in the later stages
      // the project completes (its stage stays COMPLETION).
      await send(h, actors.officer('NRP'), {
        kind: 'DECIDE',
        itemCode: 'LAND_PRE_REVIEW',
        action: 'APPROVE',
      });
      s = await stateOf(h);
      expect(item(s, 'LAND_PRE_REVIEW')).toMatchObject({
        status: 'APPROVED',
        decidedOn: '2026-02-27',
        risk: 'OVERDUE',
      });
      expect(s).toMatchObject({ status: 'COMPLETED', stage: 'COMPLETION', closedOn: '2026-02-27' });
      expect(await h.result()).toMatchObject({ status: 'COMPLETED', usedDays: 9 });
    });
  });
});
