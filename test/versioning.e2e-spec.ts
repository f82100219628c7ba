/**
 * Versioning (README "Changing the workflow"): a project started by the old workflow code runs
 * to completion on the new code. The old code is the project workflow as it was before the
 * search-attributes patch (OLD_COMMIT, taken from git history, never copied into the tree),
 * bundled and run by the worker; the project goes part way (PLAN submitted, accepted, one item
 * decided) and that worker stops; the current worker replays the old history (patched() is false
 * there) and takes the project to completion, with the search attributes from then on.
 * Activities are the current ones throughout: what this proves is the workflow code's change.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, bundleWorkflowCode } from '@temporalio/worker';
import request from 'supertest';
import { handIn, Harness, startHarness, userToken } from './app-harness';
import { EXAMPLE_ANSWERS } from '../libs/domain/src';
import { projectRoot } from '../libs/embedded/src';
import { PROJECT_STAGE, PROJECT_TYPE } from '../libs/temporal/src';
import { projectWorkflowId } from '../libs/temporal/src';

/** The last commit before `patched('search-attributes-v1')` (6845e99) entered the workflow. */
const OLD_COMMIT = '8eaec32636f0c8f7431cf80ba96fd47052aa9a06';

type Item = { code: string; department: string; status: string; taskId: string };
type Report = {
  type: string;
  stage: string;
  status: string;
  stages: { code: string; status: string; themes: { items: Item[] }[] }[];
};

const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: projectRoot(), encoding: 'utf8' }).trim();

/** The workflow bundle of `commit`'s sources, from `git archive` into a scratch folder. */
async function bundleAt(commit: string, dir: string): Promise<string> {
  try {
    git('cat-file', '-e', `${commit}^{commit}`);
  } catch {
    throw new Error(
      `the versioning test needs commit ${commit} (the workflow before the search-attributes patch): ` +
        `this clone lacks it (shallow? \`git fetch --unshallow\`)`,
    );
  }
  const tar = join(dir, 'old.tar');
  git('archive', '-o', tar, commit, 'workflows', 'libs', 'activities');
  execFileSync('tar', ['-xf', tar, '-C', dir]);
  symlinkSync(join(projectRoot(), 'node_modules'), join(dir, 'node_modules'), 'dir');
  const { code } = await bundleWorkflowCode({
    workflowsPath: join(dir, 'workflows', 'index.ts'),
    logger: new DefaultLogger('WARN'),
  });
  const file = join(dir, 'old-workflow-bundle.js');
  writeFileSync(file, code);
  return file;
}

describe('versioning: a project started by the old workflow code completes on the new code', () => {
  let dir: string;
  let api: Harness;
  let oldWorker: Harness | undefined;
  let newWorker: Harness | undefined;
  let connection: Connection;
  let client: Client;
  const auth: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${auth[who]}` });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'approvals-old-'));
    const oldBundle = await bundleAt(OLD_COMMIT, dir);
    // The API without a worker, and the worker of the old code on the same task queue.
    api = await startHarness({}, { worker: false });
    oldWorker = await startHarness(
      { TEMPORAL_TASK_QUEUE: api.taskQueue, WORKFLOW_BUNDLE: oldBundle },
      { worker: true },
    );
    connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
    client = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
    const users = [
      { username: 'v-applicant', role: 'APPLICANT' as const, organisation: 'org-v' },
      { username: 'v-window', role: 'WINDOW_OFFICER' as const },
      ...['DRC', 'NRP', 'HCD', 'FIRE', 'CAD', 'UMB', 'WATER', 'POWER', 'GAS', 'EEB', 'WRB'].map(
        (d) => ({ username: `v-officer.${d}`, role: 'REVIEWING_OFFICER' as const, department: d }),
      ),
    ];
    for (const u of users) auth[u.username] = await userToken(api, u);
  }, 300_000); // two bundles of the workflows
  afterAll(async () => {
    await newWorker?.close();
    await oldWorker?.close();
    await api?.close();
    await connection?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const report = async (id: string): Promise<Report> =>
    (await request(api.url).get(`/api/projects/${id}`).set(as('v-applicant')).expect(200))
      .body as Report;
  /** The project's report once its workflow has written it (a 202 create: soon after). */
  const waitForReport = async (id: string): Promise<Report> => {
    for (const started = Date.now(); Date.now() - started < 60_000;) {
      const res = await request(api.url).get(`/api/projects/${id}`).set(as('v-applicant'));
      if (res.status === 200 && Array.isArray(res.body.stages)) return res.body as Report;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`project ${id}: no report within 60 s of its create`);
  };
  const items = (r: Report, stage: string) =>
    r.stages.find((s) => s.code === stage)!.themes.flatMap((t) => t.items);
  const decide = (i: Item) =>
    request(api.url)
      .post(`/api/tasks/${i.taskId}/decision`)
      .set(as(`v-officer.${i.department}`))
      .send({ action: 'APPROVE', comment: '同意' })
      .expect(200);
  const submitAndAccept = async (id: string, stage: string) => {
    await handIn(api, auth['v-applicant'], id, stage);
    await request(api.url)
      .post(`/api/projects/${id}/stages/${stage}/submission`)
      .set(as('v-applicant'))
      .send({ note: `${stage} 材料`, materials: [{ name: `${stage}.pdf` }] })
      .expect(200);
    await request(api.url)
      .post(`/api/projects/${id}/stages/${stage}/acceptance`)
      .set(as('v-window'))
      .send({ decision: 'ACCEPT' })
      .expect(200);
  };
  /** Every item under review approved, round after round, until the stage completes. */
  const finishStage = async (id: string, stage: string) => {
    for (let round = 0; round < 10; round++) {
      const r = await report(id);
      if (r.stages.find((s) => s.code === stage)!.status === 'COMPLETED') return;
      const open = items(r, stage).filter((i) => i.status === 'UNDER_REVIEW');
      expect(open.length).toBeGreaterThan(0);
      for (const i of open) await decide(i);
    }
    throw new Error(`stage ${stage} did not complete`);
  };
  const attributes = async (id: string) =>
    (await client.workflow.getHandle(projectWorkflowId(id)).describe()).typedSearchAttributes;
  /** The patch markers in the run's history (local activities record markers too). */
  const markers = async (id: string) =>
    (await client.workflow.getHandle(projectWorkflowId(id)).fetchHistory()).events!.filter(
      (e) => e.markerRecordedEventAttributes?.markerName === 'core_patch',
    ).length;

  it('goes part way on the old code, then to completion on the new code', async () => {
    const created = await request(api.url)
      .post('/api/projects')
      .set(as('v-applicant'))
      .send({ name: '版本升级验证仓库', answers: EXAMPLE_ANSWERS.warehouse });
    // The old code has no `firstReport` Update (creates became Update-with-Start later), so
    // today's API answers 202 — started, its report to follow — as it does during a rolling
    // deploy while an old worker still polls; a 201 would carry the report at once.
    expect([201, 202]).toContain(created.status);
    const id = created.body.id as string;
    const first = await waitForReport(id);
    await submitAndAccept(id, 'PLAN');
    const plan = items(await report(id), 'PLAN').filter((i) => i.status === 'UNDER_REVIEW');
    expect(plan.length).toBeGreaterThan(1);
    await decide(plan[0]);
    // The old code ran this: no patch marker and no search attributes.
    expect(await markers(id)).toBe(0);
    expect((await attributes(id)).get(PROJECT_STAGE)).toBeUndefined();

    // The deploy: the old worker stops, the new one takes the task queue.
    await oldWorker!.close();
    oldWorker = undefined;
    newWorker = await startHarness({ TEMPORAL_TASK_QUEUE: api.taskQueue }, { worker: true });

    await finishStage(id, 'PLAN');
    for (const stage of ['START_PERMIT', 'COMPLETION']) {
      await submitAndAccept(id, stage);
      await finishStage(id, stage);
    }
    const r = await report(id);
    expect(r).toMatchObject({ stage: 'COMPLETION', status: 'COMPLETED' });
    expect(r.stages.every((s) => s.status === 'COMPLETED')).toBe(true);
    // The new code took over: it marked the patch and keeps the search attributes from then on.
    expect(await markers(id)).toBeGreaterThan(0);
    const shown = await attributes(id);
    expect(shown.get(PROJECT_STAGE)).toBe('COMPLETION');
    expect(shown.get(PROJECT_TYPE)).toBe(first.type);
    const timeline = (
      await request(api.url).get(`/api/projects/${id}/timeline`).set(as('v-applicant')).expect(200)
    ).body.items as { type: string }[];
    expect(timeline.at(-1)!.type).toBe('PROJECT_COMPLETED');
  });
});
