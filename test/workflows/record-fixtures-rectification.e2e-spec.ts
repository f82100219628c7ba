/**
 * Records the rectification workflow's replay fixture (replay.spec.ts replays it on every CI
 * run). Skipped unless RECORD_FIXTURES=1, as record-fixtures.e2e-spec.ts:
 *
 *   RECORD_FIXTURES=1 npx jest --selectProjects e2e --testPathPatterns record-fixtures-rectification
 *
 * One run walks through every path: the first write, the due timer firing (OVERDUE), a late
 * response and a dispute.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporal } from '@temporalio/proto';
import {
  rectificationConfirmUpdate,
  rectificationRespondUpdate,
  rectificationWorkflowId,
} from '../../libs/temporal/src';
import { rectificationWorkflow } from '../../workflows/rectification.workflow';
import { ReadModel, TimeSkippingEnv, calendarSnapshot, makeWorker, startEnv } from './harness';

describe('record the rectification replay fixture', () => {
  let ts: TimeSkippingEnv;

  beforeAll(async () => {
    ts = await startEnv('2026-09-29T02:00:00Z');
  });
  afterAll(async () => {
    await ts?.stop();
  });

  it('rectification: OVERDUE, answered late, DISPUTED', async () => {
    const env = ts.env;
    const writeRectification = jest.fn(async () => ({ applied: true }));
    const { worker, taskQueue } = await makeWorker(env, new ReadModel(), { writeRectification });
    const id = randomUUID();
    const h = await worker.runUntil(async () => {
      const h = await env.client.workflow.start(rectificationWorkflow, {
        workflowId: rectificationWorkflowId(id),
        taskQueue,
        args: [
          {
            id,
            projectId: randomUUID(),
            projectName: '回放仓库',
            itemCode: 'ENTERPRISE_FILING',
            itemName: '企业投资项目备案',
            department: 'DRC',
            organisation: 'org-a',
            score: 1,
            comment: '太慢',
            openedOn: '2026-09-29',
            calendar: calendarSnapshot(),
          },
        ],
      });
      await env.sleep('14 days');
      const by = { username: 'head.DRC', role: 'DEPARTMENT_HEAD' };
      await h.executeUpdate(rectificationRespondUpdate, { args: [{ note: '已整改', by }] });
      await h.executeUpdate(rectificationConfirmUpdate, {
        args: [{ satisfied: false, by: { username: 'applicant', role: 'APPLICANT' } }],
      });
      await h.result();
      return h;
    });
    const history = await h.fetchHistory();
    const json = temporal.api.history.v1.History.fromObject(history).toJSON();
    const file = join(__dirname, 'fixtures', 'rectification-overdue-disputed.json');
    writeFileSync(file, JSON.stringify(json));
    execFileSync(process.execPath, [require.resolve('prettier/bin/prettier.cjs'), '--write', file]);
    expect(writeRectification).toHaveBeenCalledTimes(4);
  });
});
