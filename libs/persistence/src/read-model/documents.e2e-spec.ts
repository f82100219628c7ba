import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { initialState, workflowItems, type ProjectState } from '../../../approval/src';
import type { TimelineEvent } from '../../../approval/src';
import { parseDatabaseConfig } from '../../../config/src';
import { DEFAULT_WARNING, EXAMPLE_ANSWERS, checklist, policyFor } from '../../../domain/src';
import { dataSourceOptions, openDataSource } from '../data-source-options';
import { documentNumber, receiptOf, resultOf } from './documents';
import { writeProjection, type ProjectionInput } from './projection';

/**
 * Numbers are taken once per receipt (project + stage) and result (project + item + round): a
 * retried write, a rewrite after a crash and later writes keep them. Dates in 2031 and 2032
 * keep these counters apart from the other test files'.
 */
describe('receipts and results in the projection (real PostgreSQL)', () => {
  let ds: DataSource;
  const list = checklist(EXAMPLE_ANSWERS.warehouse);

  beforeAll(async () => {
    ds = await openDataSource(dataSourceOptions(parseDatabaseConfig(process.env), 'test'));
  });
  afterAll(async () => {
    await ds?.destroy();
  });

  const lastSerial = async (kind: string, year: number) =>
    Number(
      (
        await ds.query<{ last: number }[]>(
          `SELECT "last" FROM "document_counters" WHERE "kind" = $1 AND "year" = $2`,
          [kind, year],
        )
      )[0]?.last ?? 0,
    );

  function accepted(on: string): ProjectState {
    const s = initialState(
      {
        projectId: randomUUID(),
        name: '编号仓库',
        type: list.projectType,
        region: 'CN',
        ownerOrganisation: 'org-doc',
        items: workflowItems(list),
        limitDays: policyFor(list.projectType).limitDays,
        stageBudgets: null,
        warning: DEFAULT_WARNING,
      },
      'cal-v1',
      `${on}T09:00:00.000Z`,
    );
    s.stages[0].status = 'IN_REVIEW';
    s.stages[0].acceptedOn = on;
    for (const i of s.items.filter((x) => x.stage === 'PLAN')) i.status = 'UNDER_REVIEW';
    return s;
  }

  const event = (seq: number, type: string, extra: Partial<TimelineEvent> = {}) => ({
    seq,
    at: new Date().toISOString(),
    actor: 'doc-officer',
    role: 'REVIEWING_OFFICER',
    type,
    ...extra,
  });

  function input(
    state: ProjectState,
    events: TimelineEvent[],
    fence: { run: number; history: number },
    due: string,
  ): ProjectionInput {
    return {
      state: structuredClone(state),
      items: state.items.map((i) => ({
        code: i.code,
        dueDate: i.status === 'UNDER_REVIEW' ? due : null,
        risk: 'ON_TRACK',
        usedDays: 0,
      })),
      projectClock: {
        usedDays: 0,
        remainingDays: state.limitDays,
        risk: 'ON_TRACK',
        dueDate: null,
      },
      events,
      notices: [],
      fence,
    };
  }

  const write = (i: ProjectionInput) =>
    ds.transaction((tx) => writeProjection(tx.queryRunner!, i).then((r) => r.applied));

  it('numbers a receipt once: retries, rewrites and later writes keep its number', async () => {
    const before = await lastSerial('SL', 2031);
    const s = accepted('2031-03-03');
    s.seq = 1;
    const acceptance = [event(1, 'STAGE_ACCEPTED', { stage: 'PLAN' })];
    expect(await write(input(s, acceptance, { run: 0, history: 10 }, '2031-03-10'))).toBe(true);
    const first = (await receiptOf(ds, s.projectId, 'PLAN'))!;
    expect(first.number).toBe(documentNumber('SL', 2031, before + 1));
    expect(first).toMatchObject({ acceptedOn: '2031-03-03', projectLimitDays: 35 });
    expect(first.items.every((i) => i.dueDate === '2031-03-10')).toBe(true);

    // The same write again (an activity retry): nothing new.
    await write(input(s, acceptance, { run: 0, history: 10 }, '2031-03-10'));
    // The task that replaced an uncommitted one writes the acceptance again: same number,
    // its contents.
    await write(input(s, acceptance, { run: 0, history: 12 }, '2031-03-11'));
    const rewritten = (await receiptOf(ds, s.projectId, 'PLAN'))!;
    expect(rewritten.number).toBe(first.number);
    expect(rewritten.items.every((i) => i.dueDate === '2031-03-11')).toBe(true);
    // Later writes (a clock stop moves the report's due dates) leave the issued receipt alone.
    s.seq = 2;
    await write(
      input(s, [event(2, 'SUPPLEMENT_REQUESTED')], { run: 0, history: 20 }, '2031-04-01'),
    );
    expect(await receiptOf(ds, s.projectId, 'PLAN')).toEqual(rewritten);
    expect(await lastSerial('SL', 2031)).toBe(before + 1);

    // Another project's acceptance takes the next number; a stale write (older fence) none.
    const other = accepted('2031-05-06');
    other.seq = 1;
    await write(input(other, acceptance, { run: 0, history: 10 }, '2031-05-13'));
    expect((await receiptOf(ds, other.projectId, 'PLAN'))!.number).toBe(
      documentNumber('SL', 2031, before + 2),
    );
    const stale = accepted('2031-05-06');
    stale.projectId = s.projectId;
    stale.stages[1].acceptedOn = '2031-05-06';
    expect(
      await write(
        input(
          stale,
          [event(3, 'STAGE_ACCEPTED', { stage: 'START_PERMIT' })],
          { run: 0, history: 5 },
          '2031-05-13',
        ),
      ),
    ).toBe(false);
    expect(await receiptOf(ds, s.projectId, 'START_PERMIT')).toBeNull();
    expect(await lastSerial('SL', 2031)).toBe(before + 2);
  });

  it("a receipt written with the changed items only takes the other items' due dates from their rows", async () => {
    const s = accepted('2031-06-02');
    s.stages[0].acceptedOn = undefined; // the first write: not accepted yet
    s.seq = 1;
    await write({ ...input(s, [], { run: 0, history: 10 }, '2031-06-09'), fromSeq: -1 });
    expect(await receiptOf(ds, s.projectId, 'PLAN')).toBeNull();

    s.stages[0].acceptedOn = '2031-06-02';
    s.seq = 2;
    const full = input(
      s,
      [event(2, 'STAGE_ACCEPTED', { stage: 'PLAN' })],
      { run: 0, history: 12 },
      '2031-06-09',
    );
    const changed = [{ ...full.items[0], dueDate: '2031-06-10' }];
    expect(await write({ ...full, items: changed, changedItemsOnly: true, fromSeq: 1 })).toBe(true);
    const lines = (await receiptOf(ds, s.projectId, 'PLAN'))!.items;
    expect(lines.length).toBeGreaterThan(1);
    expect(Object.fromEntries(lines.map((l) => [l.code, l.dueDate]))).toEqual(
      Object.fromEntries(
        lines.map((l) => [l.code, l.code === changed[0].code ? '2031-06-10' : '2031-06-09']),
      ),
    );
  });

  it('numbers a result per item round, by the year of the decision, once', async () => {
    const s = accepted('2031-12-29');
    const item = s.items.find((i) => i.stage === 'PLAN')!;
    item.status = 'APPROVED';
    item.decidedOn = '2032-01-05';
    s.seq = 2;
    const before = await lastSerial('BJ', 2032);
    const approval = [
      event(1, 'STAGE_ACCEPTED', { stage: 'PLAN' }),
      event(2, 'ITEM_APPROVED', { itemCode: item.code }),
    ];
    await write(input(s, approval, { run: 0, history: 10 }, '2032-01-09'));
    await write(input(s, approval, { run: 0, history: 10 }, '2032-01-09'));
    const r = (await resultOf(ds, s.projectId, item.code, 1))!;
    expect(r).toMatchObject({
      number: documentNumber('BJ', 2032, before + 1),
      itemName: item.name,
      department: item.department,
      decidedOn: '2032-01-05',
      officer: 'doc-officer', // no such user: the username
    });
    expect(r.departmentName).not.toBe(item.department);
    // The receipt is numbered by the year it was accepted in.
    expect((await receiptOf(ds, s.projectId, 'PLAN'))!.number).toMatch(/^SL-2031-/);
    s.seq = 3;
    await write(input(s, [event(3, 'CALENDAR_UPDATED')], { run: 1, history: 3 }, '2032-01-09'));
    expect(await resultOf(ds, s.projectId, item.code, 1)).toEqual(r);
    expect(await lastSerial('BJ', 2032)).toBe(before + 1);
  });
});
