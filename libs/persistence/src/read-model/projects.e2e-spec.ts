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
import { listProjects } from './project-lists';

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

  it('counts a list’s total only for a full page, through the caller’s hook, never below the page', async () => {
    const tag = `总数-${randomUUID().slice(0, 8)}`;
    for (const n of [1, 2, 3]) {
      await insertProject(ds, {
        state: newState(`${tag} ${n}`),
        createdBy: 'rm',
        idempotencyKey: null,
      });
    }
    const counted: number[] = [];
    const hook = async (count: () => Promise<number>) => {
      counted.push(await count());
      return counted[counted.length - 1];
    };
    const list = (page: number, pageSize: number, total = hook) =>
      listProjects(ds, { kind: 'all' }, { q: tag }, { page, pageSize, total });
    // A full page: counted in SQL, through the hook.
    expect((await list(1, 2)).total).toBe(3);
    expect(counted).toEqual([3]);
    // Pages that are not full know their total: no count.
    expect(await list(2, 2)).toMatchObject({ total: 3, rows: [{ name: `${tag} 1` }] });
    expect((await list(1, 5)).total).toBe(3);
    expect(counted).toEqual([3]);
    // Past the end: counted.
    expect(await list(3, 2)).toMatchObject({ total: 3, rows: [] });
    expect(counted).toEqual([3, 3]);
    // A total held from before the last inserts never says less than the page shows.
    expect((await list(2, 1, async () => 1)).total).toBe(2);
  });
});
