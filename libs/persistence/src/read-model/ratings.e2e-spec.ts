import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { initialState, workflowItems } from '../../../approval/src';
import { parseDatabaseConfig } from '../../../config/src';
import { DEFAULT_WARNING, EXAMPLE_ANSWERS, checklist, policyFor } from '../../../domain/src';
import type { RectificationView } from '../../../approval/src';
import { dataSourceOptions, openDataSource } from '../data-source-options';
import { insertProject } from './projects';
import { insertRating, ratingStatistics, writeRectification } from './ratings';

/**
 * Satisfaction and rectification figures over ratings and rectifications written as the API and
 * the rectification workflow write them. Departments of their own (ST1, ST2) and dates in 2031,
 * so rows of other tests in the same database do not count.
 */
describe('ratingStatistics (real PostgreSQL)', () => {
  let ds: DataSource;
  const list = checklist(EXAMPLE_ANSWERS.warehouse);

  beforeAll(async () => {
    ds = await openDataSource(dataSourceOptions(parseDatabaseConfig(process.env), 'test'));
    const state = initialState(
      {
        projectId: randomUUID(),
        name: '统计仓库',
        type: list.projectType,
        region: 'CN',
        ownerOrganisation: 'org-st',
        items: workflowItems(list),
        limitDays: policyFor(list.projectType).limitDays,
        stageBudgets: null,
        warning: DEFAULT_WARNING,
      },
      'cal-v1',
      new Date().toISOString(),
    );
    await insertProject(ds, { state, createdBy: 'st', idempotencyKey: null });
    // [department, score, rated on, rectification: responded at / overdue at]
    const rows: [string, number, string, { responded?: string; overdue?: string }?][] = [
      ['ST1', 5, '2031-03-03'],
      ['ST1', 4, '2031-03-04'],
      ['ST1', 3, '2031-03-05'],
      ['ST1', 1, '2031-03-05', { responded: '2031-03-06T02:00:00Z' }], // due 03-12: on time
      ['ST1', 2, '2031-03-06', { overdue: '2031-03-13T16:00:00Z' }], // never answered
      [
        'ST2',
        1,
        '2031-03-06',
        { overdue: '2031-03-13T16:00:00Z', responded: '2031-03-14T02:00:00Z' },
      ],
      ['ST2', 5, '2031-03-20'], // outside the range below
    ];
    let n = 0;
    for (const [department, score, ratedOn, rect] of rows) {
      const id = randomUUID();
      const itemCode = `ST_ITEM_${n++}`;
      await insertRating(ds, {
        id,
        projectId: state.projectId,
        itemCode,
        round: 1,
        department,
        score,
        comment: null,
        ratedBy: 'applicant',
        onBehalfOf: null,
        ratedOn,
      });
      if (!rect) continue;
      const dueDate = ratedOn === '2031-03-05' ? '2031-03-12' : '2031-03-13';
      const view: RectificationView = {
        id,
        projectId: state.projectId,
        projectName: state.name,
        itemCode,
        itemName: itemCode,
        department,
        organisation: 'org-st',
        score,
        comment: null,
        status: rect.responded ? 'RESPONDED' : 'OVERDUE',
        openedOn: ratedOn,
        dueDate,
        dueAt: `${dueDate}T16:00:00.000Z`,
        overdueAt: rect.overdue ?? null,
        response: rect.responded ? '已整改' : null,
        respondedBy: rect.responded ? 'head' : null,
        respondedAt: rect.responded ?? null,
        confirmationNote: null,
        satisfied: null,
        confirmedBy: null,
        confirmedAt: null,
        calendarVersion: 'cal-v1',
      };
      await writeRectification(ds, { rectification: view, version: 1, at: ratedOn, notices: [] });
    }
  });
  afterAll(async () => {
    await ds?.destroy();
  });

  it('counts ratings and rectifications of one department over the days asked', async () => {
    expect(
      await ratingStatistics(ds, { from: '2031-03-01', to: '2031-03-10', department: 'ST1' }),
    ).toEqual({
      satisfaction: { rated: 5, satisfiedRate: 2 / 5 },
      rectifications: { opened: 2, respondedOnTime: 1, overdue: 1 },
    });
  });

  it('counts every department when none is asked', async () => {
    expect(await ratingStatistics(ds, { from: '2031-03-01', to: '2031-03-10' })).toEqual({
      satisfaction: { rated: 6, satisfiedRate: 2 / 6 },
      rectifications: { opened: 3, respondedOnTime: 1, overdue: 2 },
    });
  });

  it('a late response is not on time and stays counted as overdue; the range bounds both', async () => {
    expect(
      await ratingStatistics(ds, { from: '2031-03-06', to: '2031-03-31', department: 'ST2' }),
    ).toEqual({
      satisfaction: { rated: 2, satisfiedRate: 1 / 2 },
      rectifications: { opened: 1, respondedOnTime: 0, overdue: 1 },
    });
    expect(
      await ratingStatistics(ds, { from: '2031-03-05', to: '2031-03-05', department: 'ST1' }),
    ).toEqual({
      satisfaction: { rated: 2, satisfiedRate: 0 },
      rectifications: { opened: 1, respondedOnTime: 1, overdue: 0 },
    });
  });

  it('has no rate when nothing was rated', async () => {
    expect(
      await ratingStatistics(ds, { from: '2031-01-01', to: '2031-01-31', department: 'ST1' }),
    ).toEqual({
      satisfaction: { rated: 0, satisfiedRate: null },
      rectifications: { opened: 0, respondedOnTime: 0, overdue: 0 },
    });
  });
});
