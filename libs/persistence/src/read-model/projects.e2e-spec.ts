import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { initialState, workflowItems } from '../../../approval/src';
import { parseDatabaseConfig } from '../../../config/src';
import { DEFAULT_WARNING, EXAMPLE_ANSWERS, checklist, policyFor } from '../../../domain/src';
import { dataSourceOptions, openDataSource } from '../data-source-options';
import {
  cloneProjectsQuery,
  findProject,
  findProjectByIdempotencyKey,
  insertProject,
  projectStateSeq,
} from './projects';

describe('the projects table: the create path and the benchmarks’ copies (real PostgreSQL)', () => {
  let ds: DataSource;
  const list = checklist(EXAMPLE_ANSWERS.warehouse);
  const newState = (name: string) =>
    initialState(
      {
        projectId: randomUUID(),
        name,
        type: list.projectType,
        region: 'CN',
        ownerOrganisation: 'org-rm',
        items: workflowItems(list),
        limitDays: policyFor(list.projectType).limitDays,
        stageBudgets: null,
        warning: DEFAULT_WARNING,
      },
      'cal-v1',
      new Date().toISOString(),
    );

  beforeAll(async () => {
    ds = await openDataSource(dataSourceOptions(parseDatabaseConfig(process.env), 'test'));
  });
  afterAll(async () => {
    await ds?.destroy();
  });

  it('inserts a new project once per idempotency key, with its columns from the state', async () => {
    const key = `u1:${randomUUID()}`;
    const first = newState('读模型仓库');
    expect(await insertProject(ds, { state: first, createdBy: 'rm', idempotencyKey: key })).toBe(
      true,
    );
    const again = newState('读模型仓库');
    expect(await insertProject(ds, { state: again, createdBy: 'rm', idempotencyKey: key })).toBe(
      false,
    );
    expect((await findProjectByIdempotencyKey(ds, key))?.id).toBe(first.projectId);
    expect(await findProject(ds, again.projectId)).toBeNull();
    expect(await findProject(ds, first.projectId)).toMatchObject({
      name: '读模型仓库',
      type: 'SOCIAL_INVESTMENT',
      ownerOrganisation: 'org-rm',
      status: 'IN_PROGRESS',
      stage: 'PLAN',
      risk: 'ON_TRACK',
      limitDays: 35,
      remainingDays: 35,
      calendarVersion: 'cal-v1',
      stateSeq: 0,
      createdBy: 'rm',
    });
    expect(await projectStateSeq(ds, first.projectId)).toBe(0);
    // Without a key, every insert is a project of its own.
    const a = newState('无键');
    expect(await insertProject(ds, { state: a, createdBy: 'rm', idempotencyKey: null })).toBe(true);
  });

  it('copies rows under new ids, the id replaced throughout the state', async () => {
    const src = newState('原件');
    await insertProject(ds, { state: src, createdBy: 'rm', idempotencyKey: null });
    const dst = randomUUID();
    await ds.transaction(async (tx) => {
      await tx.query(
        `CREATE TEMP TABLE rm_map ON COMMIT DROP AS
         SELECT $1::uuid AS src, $2::uuid AS dst, 7 AS k, now() AS at`,
        [src.projectId, dst],
      );
      const { text, values } = cloneProjectsQuery('rm_map', ' · 副本 ', 'bench-clone');
      await tx.query(text, values);
    });
    const copy = await findProject(ds, dst);
    expect(copy).toMatchObject({ name: '原件 · 副本 7', createdBy: 'bench-clone' });
    expect(copy!.state.projectId).toBe(dst);
    expect(copy!.state.items[0].taskId.startsWith(dst)).toBe(true);
    expect(() => cloneProjectsQuery('x; DROP TABLE projects', '', '')).toThrow(/not a table/);
  });
});
