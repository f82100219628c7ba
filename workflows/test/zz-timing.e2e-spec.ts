import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker as W } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { projectWorkflow } from '../project.workflow';
import { ReadModel, TimeSkippingEnv, actors, hours, makeWorker, openStage, projectInput, send, startEnv, stateOf } from './harness';

describe('timing', () => {
  let ts: TimeSkippingEnv;
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let taskQueue: string;
  const rm = new ReadModel();
  beforeAll(async () => {
    ts = await startEnv('2026-03-02T01:00:00Z');
    env = ts.env;
    ({ worker, taskQueue } = await makeWorker(env, rm));
  });
  afterAll(async () => { await ts?.stop(); });
  it('ts', async () => {
    await worker.runUntil(async () => {
      const input = projectInput([{ code: 'A' }, { code: 'B' }]);
      let t = Date.now();
      const lap = (what: string) => { console.log(what, Date.now() - t); t = Date.now(); };
      const h = await env.client.workflow.start(projectWorkflow, { workflowId: `project-${input.projectId}`, taskQueue, args: [input] });
      lap('start');
      await openStage(h);
      lap('openStage');
      for (let i = 0; i < 5; i++) { await stateOf(h); lap('q'); }
      for (let i = 0; i < 3; i++) { await h.describe(); lap('describe'); }
    });
  });
  it('dev', async () => {
    const nc = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS! });
    const c = new Client({ connection: await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! }) });
    const w = await W.create({ connection: nc, taskQueue: 'zz', workflowsPath: require.resolve('../index'), activities: { projectState: rm.projectState } });
    await w.runUntil(async () => {
      const input = projectInput([{ code: 'A' }, { code: 'B' }]);
      let t = Date.now();
      const lap = (what: string) => { console.log(what, Date.now() - t); t = Date.now(); };
      const h = await c.workflow.start(projectWorkflow, { workflowId: `project-${input.projectId}`, taskQueue: 'zz', args: [input] });
      lap('start');
      await openStage(h);
      lap('openStage');
      for (let i = 0; i < 5; i++) { await stateOf(h); lap('q'); }
      for (let i = 0; i < 3; i++) { await send(h, actors.officer('NRP'), { kind: 'DECIDE', itemCode: 'A', action: 'REQUEST_SUPPLEMENT', comment: 'x' }); lap('u');await send(h, actors.applicant, { kind: 'ANSWER_SUPPLEMENT', itemCode: 'A' }); lap('u');}
      await h.terminate();
    });
  });
});
