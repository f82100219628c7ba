import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { withYearSchedule } from '../../libs/calendar/src/core';
import { calendarUpdatedSignal } from '../../libs/temporal/src';
import { projectWorkflow } from '../../workflows/project.workflow';
import {
  ReadModel,
  TimeSkippingEnv,
  actors,
  calendarSnapshot,
  completedResult,
  eventually,
  expectInstant,
  item,
  makeWorker,
  openStage,
  projectInput,
  reportOf,
  send,
  sleepUntil,
  startEnv,
  stateOf,
} from './harness';

/**
 * chinese-days carries official data through 2026; 2027 counts weekends only and every answer
 * touching it is provisional. Loading 2027's schedule while items run recomputes their
 * deadlines and the one durable timer.
 *
 * TEST DATA, not the State Council's schedule: 2027 with only New Year's Day off
 * (Fri 01-01 … Sun 01-03) and no make-up working day.
 */
const TEST_2027 = {
  year: 2027,
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
  workdays: [],
};

describe('a calendar update while items are running', () => {
  let ts: TimeSkippingEnv;
  let env: TestWorkflowEnvironment;
  const rm = new ReadModel();

  beforeAll(async () => {
    ts = await startEnv('2026-12-21T01:00:00Z'); // Mon 12-21 09:00 Beijing
    env = ts.env;
  });
  afterAll(async () => {
    await ts?.stop();
  });

  it('moves every running deadline and its timer to the published schedule', async () => {
    const { worker, taskQueue } = await makeWorker(env, rm);
    await worker.runUntil(async () => {
      const input = projectInput([
        { code: 'LAND_PRE_REVIEW', department: 'NRP', limitDays: 10 },
        { code: 'EIA_TABLE', department: 'EEB', theme: 'ASSESSMENTS', limitDays: 15 },
      ]);
      const id = input.projectId;
      const h = await env.client.workflow.start(projectWorkflow, {
        workflowId: `project-${id}`,
        taskQueue,
        args: [input],
      });
      await openStage(h);
      const due = () => Object.fromEntries(rm.last(id).items.map((i) => [i.code, i.dueDate]));
      // Provisional 2027: Fri 01-01 counts as a working day.
      expect(due()).toEqual({ LAND_PRE_REVIEW: '2027-01-04', EIA_TABLE: '2027-01-11' });
      let r = await reportOf(h);
      expect(r.clock).toMatchObject({ dueDate: '2027-04-12', provisional: true });
      const oldVersion = (await stateOf(h)).calendarVersion;
      expect(oldVersion).toBe(input.calendar.version);

      // Wed 12-23: the 2027 schedule is published.
      await sleepUntil(env, '2026-12-23T01:00:00Z');
      const next = withYearSchedule(calendarSnapshot(), TEST_2027, 'test');
      expect(next.version).not.toBe(oldVersion);
      await h.signal(calendarUpdatedSignal, next);
      await eventually(() =>
        expect(rm.events(id).filter((e) => e.type === 'CALENDAR_UPDATED')).toEqual([
          expect.objectContaining({ detail: { from: oldVersion, to: next.version } }),
        ]),
      );
      expect((await stateOf(h)).calendarVersion).toBe(next.version);
      // Both clocks lose 01-01: each due date moves one working day.
      expect(due()).toEqual({ LAND_PRE_REVIEW: '2027-01-05', EIA_TABLE: '2027-01-12' });
      r = await reportOf(h);
      // The project's own due date too (80 working days, 2 of them used).
      expect(r).toMatchObject({
        asOf: '2026-12-23',
        calendarVersion: next.version,
        clock: { usedDays: 2, dueDate: '2027-04-13', provisional: false },
      });

      // The same snapshot again changes nothing.
      const seq = (await stateOf(h)).seq;
      await h.signal(calendarUpdatedSignal, next);
      await eventually(async () => {
        const events = (await h.fetchHistory()).events!;
        const signalled = events.filter((e) => e.workflowExecutionSignaledEventAttributes);
        expect(signalled).toHaveLength(2);
        const at = events.indexOf(signalled[1]);
        expect(events.slice(at).some((e) => e.workflowTaskCompletedEventAttributes)).toBe(true);
      });
      expect((await stateOf(h)).seq).toBe(seq);

      // EIA_TABLE's warning (12 of 15 used) comes at the start of 01-07, not of 01-06.
      await sleepUntil(env, '2027-01-06T12:00:00Z');
      const warnings = () => rm.notices(id).filter((n) => n.kind === 'WARNING');
      expect(warnings().map((n) => n.itemCode)).toEqual(['LAND_PRE_REVIEW']);
      expectInstant(warnings()[0].at, '2026-12-29T16:00:00Z'); // 7 of 10 on Wed 12-30
      // … and LAND_PRE_REVIEW is overdue at the end of 01-05, not of 01-04.
      const overdue = rm.events(id).filter((e) => e.type === 'ITEM_OVERDUE');
      expect(overdue.map((e) => e.itemCode)).toEqual(['LAND_PRE_REVIEW']);
      expectInstant(overdue[0].at, '2027-01-05T16:00:00Z');
      expect(overdue[0].detail).toMatchObject({ dueDate: '2027-01-05' });
      await sleepUntil(env, '2027-01-06T17:00:00Z'); // Thu 01-07 01:00
      expect(warnings().map((n) => n.itemCode)).toEqual(['LAND_PRE_REVIEW', 'EIA_TABLE']);
      expectInstant(warnings()[1].at, '2027-01-06T16:00:00Z');

      for (const [department, itemCode] of [
        ['NRP', 'LAND_PRE_REVIEW'],
        ['EEB', 'EIA_TABLE'],
      ])
        await send(h, actors.officer(department), { kind: 'DECIDE', itemCode, action: 'APPROVE' });
      expect(item(await stateOf(h), 'EIA_TABLE').risk).toBe('AT_RISK');
      // (12-21, 01-07] without 01-01: 22 … 25, 28 … 31, 04 … 07.
      expect(await completedResult(env, h)).toMatchObject({
        status: 'COMPLETED',
        closedOn: '2027-01-07',
        usedDays: 12,
      });
    });
  });
});
