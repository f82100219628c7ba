import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { ProjectionInput } from '../../activities/projection.activities';
import { rewriteReadModelSignal } from '../../libs/temporal/src';
import { projectWorkflow } from '../../workflows/project.workflow';
import {
  ProjectHandle,
  ReadModel,
  TimeSkippingEnv,
  actors,
  eventually,
  makeWorker,
  openStage,
  projectInput,
  refusal,
  send,
  startEnv,
  stateOf,
} from './harness';

/**
 * What the workflow does when the read model cannot take a write (issue 24: a lone surrogate
 * once froze a project's read model while the workflow went on without it). Mon 2026-03-02.
 */
describe('a write the read model refuses is held, not skipped', () => {
  let ts: TimeSkippingEnv;
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    ts = await startEnv('2026-03-02T01:00:00Z');
    env = ts.env;
  });
  afterAll(async () => {
    await ts?.stop();
  });

  /** A read model that refuses the writes `refuse` says no to, for good (non-retryable). */
  class RefusingReadModel extends ReadModel {
    refuse: (input: ProjectionInput) => boolean = () => false;
    readonly refused: ProjectionInput[] = [];
    write = async (input: ProjectionInput) => {
      if (this.refuse(input)) {
        this.refused.push(JSON.parse(JSON.stringify(input)) as ProjectionInput);
        throw ApplicationFailure.nonRetryable('SQLSTATE 22P02', 'ProjectionInputInvalid');
      }
      return this.projectState(input);
    };
  }

  async function run(rm: RefusingReadModel, body: (h: ProjectHandle) => Promise<void>) {
    const projectionRefused = jest.fn(async () => undefined);
    const { worker, taskQueue } = await makeWorker(env, rm, {
      projectState: rm.write,
      projectionRefused,
    });
    const input = projectInput([{ code: 'A' }, { code: 'B' }]);
    await worker.runUntil(async () => {
      const h = await env.client.workflow.start(projectWorkflow, {
        workflowId: `project-${input.projectId}`,
        taskQueue,
        args: [input],
      });
      await body(h);
    });
    return { projectionRefused, projectId: input.projectId };
  }

  it('holds the batch, says so once, and writes it whole when the read model takes it again', async () => {
    const rm = new RefusingReadModel();
    const { projectionRefused, projectId } = await run(rm, async (h) => {
      await openStage(h);
      let refusing = true;
      rm.refuse = () => refusing;
      const decided = send(h, actors.officer('NRP'), {
        kind: 'DECIDE',
        itemCode: 'A',
        action: 'REJECT',
        comment: 'site plan missing',
      });
      await eventually(() => expect(rm.refused).toHaveLength(1));
      // Held: the command is applied, its Update waits for the write, nothing is written.
      expect((await stateOf(h)).items[0].status).toBe('REJECTED');
      const written = rm.writes.length;
      await env.sleep('30 seconds');
      expect(rm.writes).toHaveLength(written);

      // The read model takes it again (a fixed worker): the next try after a minute writes it.
      refusing = false;
      await env.sleep('40 seconds');
      const answer = await decided;
      expect(answer.item).toMatchObject({ code: 'A', status: 'REJECTED' });
      expect(answer.changed?.item).toMatchObject({ code: 'A', status: 'REJECTED' });
    });
    expect(projectionRefused).toHaveBeenCalledTimes(1);
    expect(projectionRefused).toHaveBeenCalledWith(
      expect.objectContaining({ projectId, error: expect.stringContaining('SQLSTATE 22P02') }),
    );
    const retry = rm.writes[rm.writes.length - 1];
    // The refused batch's event is in the write that went through, with every item.
    expect(retry.events.map((e) => e.type)).toContain('ITEM_REJECTED');
    expect(retry.items.map((i) => i.code).sort()).toEqual(['A', 'B']);
    expect(retry.changedItemsOnly).toBeUndefined();
    expect(rm.events(projectId).filter((e) => e.type === 'ITEM_REJECTED')).toHaveLength(1);
  });

  it('rewrites the whole read model when a repair asks, adding no event', async () => {
    const rm = new RefusingReadModel();
    await run(rm, async (h) => {
      await openStage(h);
      await send(h, actors.officer('NRP'), { kind: 'DECIDE', itemCode: 'A', action: 'APPROVE' });
      const before = rm.writes.length;
      expect(rm.writes[before - 1].changedItemsOnly).toBe(true);
      await h.signal(rewriteReadModelSignal);
      await eventually(() => expect(rm.writes.length).toBe(before + 1));
      const rewrite = rm.writes[before];
      expect(rewrite.items.map((i) => i.code).sort()).toEqual(['A', 'B']);
      expect(rewrite.changedItemsOnly).toBeUndefined();
      expect(rewrite.events).toEqual([]);
      expect(rewrite.state.seq).toBe(rm.writes[before - 1].state.seq);
    });
  });

  it('refuses a command whose text the read model could not store, naming the field', async () => {
    const rm = new RefusingReadModel();
    await run(rm, async (h) => {
      await openStage(h);
      expect(
        await refusal(
          send(h, actors.officer('NRP'), {
            kind: 'DECIDE',
            itemCode: 'A',
            action: 'REJECT',
            comment: 'half an emoji \ud83d',
          }),
        ),
      ).toEqual({
        type: 'CommandRefused.INVALID',
        message: 'comment is not well-formed text (a lone surrogate or a NUL character)',
      });
      expect((await stateOf(h)).items[0].status).toBe('UNDER_REVIEW');
    });
  });
});
