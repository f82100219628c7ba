import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { projectCommandUpdate } from '../../libs/temporal/src';
import { projectWorkflow } from '../../workflows/project.workflow';
import {
  ProjectHandle,
  ReadModel,
  TimeSkippingEnv,
  actors,
  expectInstant,
  makeWorker,
  openStage,
  projectInput,
  send,
  sleepUntil,
  startEnv,
  stateOf,
} from './harness';

const DEPARTMENTS = ['NRP', 'DRC', 'EEB', 'WRB', 'HCD', 'FIRE', 'CAD', 'UMB'];

describe('history stays bounded', () => {
  let ts: TimeSkippingEnv;
  let env: TestWorkflowEnvironment;
  const rm = new ReadModel();

  beforeAll(async () => {
    ts = await startEnv('2026-06-01T01:00:00Z'); // Mon 06-01 09:00 Beijing
    env = ts.env;
  });
  afterAll(async () => {
    await ts?.stop();
  });

  async function run(body: (taskQueue: string) => Promise<void>) {
    const { worker, taskQueue } = await makeWorker(env, rm);
    await worker.runUntil(body(taskQueue));
  }

  /**
   * Every timeline event and notice reached the read model, none missing. Delivery is at least
   * once: when an update arrives while the workflow continues as new, the server refuses that
   * workflow task, and on the retry the local activity (the write) runs again — for the same
   * seqs and commands, only `at` moved by the retry's milliseconds. The projection keys rows by
   * seq and keeps the first, so the timeline holds each once.
   */
  function expectNothingLost(projectId: string, seq: number) {
    const bySeq = new Map<number, { at: string }>();
    for (const e of [...rm.events(projectId), ...rm.notices(projectId)]) {
      const first = bySeq.get(e.seq);
      if (first) {
        expect({ ...e, at: first.at }).toEqual(first);
        expect(Math.abs(Date.parse(e.at) - Date.parse(first.at))).toBeLessThan(5_000);
      } else bySeq.set(e.seq, e);
    }
    expect([...bySeq.keys()].sort((a, b) => a - b)).toEqual(
      Array.from({ length: seq }, (_, i) => i + 1),
    );
  }
  const historyOf = async (h: ProjectHandle, runId?: string) =>
    (await env.client.workflow.getHandle(h.workflowId, runId).fetchHistory()).events!;

  it('a 40-item project with three supplement rounds on every item stays well under 10,240 events', async () => {
    await run(async (taskQueue) => {
      const codes = Array.from({ length: 40 }, (_, i) => `ITEM_${String(i + 1).padStart(2, '0')}`);
      const input = () =>
        projectInput(codes.map((code, i) => ({ code, department: DEPARTMENTS[i % 8] })));
      const dept = (code: string) => DEPARTMENTS[codes.indexOf(code) % 8];
      const supplement = (h: ProjectHandle, code: string, round: number) =>
        send(h, actors.officer(dept(code)), {
          kind: 'DECIDE',
          itemCode: code,
          action: 'REQUEST_SUPPLEMENT',
          comment: `round ${round}`,
        });
      const answer = (h: ProjectHandle, code: string) =>
        send(h, actors.applicant, { kind: 'ANSWER_SUPPLEMENT', itemCode: code });
      const approve = (h: ProjectHandle, code: string) =>
        send(h, actors.officer(dept(code)), { kind: 'DECIDE', itemCode: code, action: 'APPROVE' });

      // One project as people work (one command at a time: each its own workflow task, the
      // worst case), one with every round sent at once (handlers running concurrently).
      const [one, all] = [input(), input()];
      const [h1, h2] = await Promise.all(
        [one, all].map((i) =>
          env.client.workflow.start(projectWorkflow, {
            workflowId: `project-${i.projectId}`,
            taskQueue,
            args: [i],
          }),
        ),
      );
      await Promise.all([
        (async () => {
          await openStage(h1);
          for (let round = 1; round <= 3; round++)
            for (const code of codes) {
              await supplement(h1, code, round);
              await answer(h1, code);
            }
          for (const code of codes) await approve(h1, code);
        })(),
        (async () => {
          await openStage(h2);
          for (let round = 1; round <= 3; round++) {
            await Promise.all(codes.map((code) => supplement(h2, code, round)));
            await Promise.all(codes.map((code) => answer(h2, code)));
          }
          await Promise.all(codes.map((code) => approve(h2, code)));
        })(),
      ]);

      const lengths: number[] = [];
      for (const [h, i] of [
        [h1, one],
        [h2, all],
      ] as const) {
        const s = await stateOf(h);
        expect(s.status).toBe('COMPLETED');
        for (const it of s.items) {
          expect(it.pauses.map((p) => p.reason)).toEqual([
            'SUPPLEMENT',
            'SUPPLEMENT',
            'SUPPLEMENT',
          ]);
          expect(it.intervals).toHaveLength(4);
        }
        // created, submitted, accepted and its notice, 40 started; per item and round:
        // requested, the applicant's notice, answered; 40 approved and their notices, 3 stages
        // completed, project completed.
        expect(s.seq).toBe(4 + 40 + 40 * 3 * 3 + 40 * 2 + 3 + 1);
        expectNothingLost(i.projectId, s.seq);
        const d = await h.describe();
        expect(d.runId).toBe(h.firstExecutionRunId); // no continue-as-new was needed
        const events = await historyOf(h);
        expect(events.length).toBe(d.historyLength);
        expect(events.at(-1)!.workflowExecutionCompletedEventAttributes).toBeTruthy();
        lengths.push(events.length);
      }
      console.log(
        `40 items × 3 supplement rounds + approvals (${40 * 3 * 2 + 40 + 2} updates): ` +
          `${lengths[0]} history events one command at a time, ${lengths[1]} in concurrent batches`,
      );
      // At most 8 events per command (its workflow task, the update, the write's marker, the
      // deadline timer replaced): under a third of Temporal's 10,240-event warning.
      expect(lengths[0]).toBeLessThan(3_000);
      expect(lengths[1]).toBeLessThan(lengths[0]);
    });
  });

  it('continue-as-new carries the state across runs: no event, timer or deadline lost', async () => {
    await sleepUntil(env, '2026-06-08T01:00:00Z'); // Mon 06-08 09:00
    await run(async (taskQueue) => {
      const input = projectInput(
        [
          { code: 'LAND_PRE_REVIEW', department: 'NRP', limitDays: 10 },
          { code: 'EIA_TABLE', department: 'EEB', theme: 'ASSESSMENTS' },
          { code: 'ENERGY_REVIEW', department: 'DRC', theme: 'ASSESSMENTS' },
          { code: 'SOIL_WATER', department: 'WRB', theme: 'ASSESSMENTS' },
        ],
        { historyLimit: 300 },
      );
      const id = input.projectId;
      const h = await env.client.workflow.start(projectWorkflow, {
        workflowId: `project-${id}`,
        taskQueue,
        args: [input],
      });
      const submit = { kind: 'SUBMIT_STAGE', stage: 'PLAN' } as const;
      const submitted = await send(h, actors.applicant, submit, 'submit-plan');
      await send(h, actors.window, { kind: 'ACCEPT_STAGE', stage: 'PLAN', decision: 'ACCEPT' });
      await send(h, actors.officer('DRC'), {
        kind: 'DECIDE',
        itemCode: 'ENERGY_REVIEW',
        action: 'ACCEPT_WITH_DEFICIENCY',
        deficiency: { description: 'audit report', dueDate: '2026-06-10' },
      });

      // Supplement rounds on two items at once, every command with its request id as the API
      // sends them, until the project has continued as new twice.
      const pair = ['EIA_TABLE', 'SOIL_WATER'] as const;
      const dept = { EIA_TABLE: 'EEB', SOIL_WATER: 'WRB' };
      const ask = (code: (typeof pair)[number], round: number, updateId?: string) =>
        h.executeUpdate(projectCommandUpdate, {
          args: [
            {
              actor: actors.officer(dept[code]),
              requestId: `${code}-${round}-ask`,
              command: {
                kind: 'DECIDE',
                itemCode: code,
                action: 'REQUEST_SUPPLEMENT',
                comment: `round ${round}`,
              },
            },
          ],
          updateId: updateId ?? `${code}-${round}-ask`,
        });
      const runs = [h.firstExecutionRunId];
      let rounds = 0;
      while (runs.length < 3) {
        rounds++;
        await Promise.all(pair.map((code) => ask(code, rounds)));
        await Promise.all(
          pair.map((code) =>
            send(
              h,
              actors.applicant,
              { kind: 'ANSWER_SUPPLEMENT', itemCode: code },
              `${code}-${rounds}-answer`,
            ),
          ),
        );
        const { runId } = await h.describe();
        if (runId !== runs.at(-1)) runs.push(runId);
        expect(rounds).toBeLessThan(100);
      }
      const runLengths: number[] = [];
      for (const runId of runs.slice(0, 2)) {
        const events = await historyOf(h, runId);
        runLengths.push(events.length);
        const last = events.at(-1)!.workflowExecutionContinuedAsNewEventAttributes;
        expect(last?.newExecutionRunId).toBe(runs[runs.indexOf(runId) + 1]);
        expect(events.length).toBeGreaterThanOrEqual(300);
        // Past the limit a run only finishes the commands in flight before it continues.
        expect(events.length).toBeLessThan(400);
      }

      console.log(
        `historyLimit 300: continued as new after ${runLengths.join(' and ')} events (${rounds} rounds)`,
      );

      // The state came along: statuses, clocks, the deficiency, the sequence.
      let s = await stateOf(h);
      expect(s.items.map((i) => [i.code, i.status, i.intervals[0]])).toEqual([
        ['LAND_PRE_REVIEW', 'UNDER_REVIEW', { from: '2026-06-08' }],
        ['EIA_TABLE', 'UNDER_REVIEW', { from: '2026-06-08', to: '2026-06-08' }],
        ['ENERGY_REVIEW', 'UNDER_REVIEW', { from: '2026-06-08' }],
        ['SOIL_WATER', 'UNDER_REVIEW', { from: '2026-06-08', to: '2026-06-08' }],
      ]);
      expect(s.items[1].pauses).toHaveLength(rounds);
      expect(s.items[3].pauses).toHaveLength(rounds);
      expect(s.items[2].deficiencies).toMatchObject([{ dueDate: '2026-06-10', status: 'OPEN' }]);
      // created, submitted, accepted and its notice, 4 started, the deficiency and its notice;
      // per round and item: requested, the applicant's notice, answered.
      expect(s.seq).toBe(10 + 6 * rounds);
      expectNothingLost(id, s.seq);

      // A request applied in the first run is still recognised (it would be refused otherwise,
      // PLAN being in review): one effect. A duplicate answers with the current state (and, once
      // this run has written the read model, the clock as written: whether it has depends on
      // whether the Update or the run's first write comes first).
      expect(submitted.seq).toBe(2);
      expect(await send(h, actors.applicant, submit, 'submit-plan')).toMatchObject({
        duplicate: true,
        seq: s.seq,
        projectStatus: 'IN_PROGRESS',
        stage: 'PLAN',
      });
      // So are the first run's supplement requests, retried at once under new update ids.
      const retried = await Promise.all(pair.map((code) => ask(code, 1, `${code}-1-retry`)));
      expect(retried.map((r) => r.duplicate)).toEqual([true, true]);
      expect((await stateOf(h)).seq).toBe(s.seq);
      expect(rm.events(id).filter((e) => e.type === 'STAGE_SUBMITTED')).toHaveLength(1);

      // Deadlines set in the first run fire in the third: the missed commitment at the end of
      // 06-10, LAND_PRE_REVIEW's warning at the start of 06-17 and its escalation at the end of
      // 06-23 (10 working days after 06-08; Dragon Boat Fri 06-19 off).
      await sleepUntil(env, '2026-06-24T01:00:00Z');
      s = await stateOf(h);
      expect(s.items.map((i) => [i.code, i.status, i.risk])).toEqual([
        ['LAND_PRE_REVIEW', 'UNDER_REVIEW', 'OVERDUE'],
        ['EIA_TABLE', 'UNDER_REVIEW', 'OVERDUE'],
        ['ENERGY_REVIEW', 'SUSPENDED', 'AT_RISK'],
        ['SOIL_WATER', 'UNDER_REVIEW', 'OVERDUE'],
      ]);
      const at = (type: string, itemCode: string) =>
        rm.events(id).find((e) => e.type === type && e.itemCode === itemCode)!.at;
      expectInstant(at('DEFICIENCY_MISSED', 'ENERGY_REVIEW'), '2026-06-10T16:00:00Z');
      expectInstant(at('ITEM_AT_RISK', 'LAND_PRE_REVIEW'), '2026-06-16T16:00:00Z');
      expectInstant(at('ITEM_OVERDUE', 'LAND_PRE_REVIEW'), '2026-06-23T16:00:00Z');
      expect(rm.events(id).filter((e) => e.type === 'ITEM_OVERDUE')).toHaveLength(3);
      expectNothingLost(id, (await stateOf(h)).seq);
      await send(h, actors.applicant, { kind: 'WITHDRAW_PROJECT' });
    });
  });
});
