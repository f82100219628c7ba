/**
 * The read model's row of one item (`project_items`), declared once: the workflow keys "has this
 * row changed since I wrote it" on it, and the projection's SQL takes its column list from it. A
 * field added here reaches both; nothing else lists the columns. Pure: workflow code imports it
 * (through `libs/persistence/src/core`).
 */
import { checkOpen, isDecided, type ItemState } from '../../../approval/src';
import type { Risk } from '../../../domain/src';

/** The item's clock as of the write (computeItemClocks). */
export interface ItemRowClock {
  /** YYYY-MM-DD by the working-day calendar; null when the clock does not run or it is closed. */
  dueDate: string | null;
  risk: Risk;
  usedDays: number;
}

export function itemRowOf(item: ItemState, clock: ItemRowClock) {
  return {
    code: item.code,
    taskId: item.taskId,
    name: item.name,
    department: item.department,
    stage: item.stage as string,
    theme: item.theme,
    status: item.status as string,
    risk: clock.risk as string,
    limitDays: item.limitDays,
    usedDays: clock.usedDays,
    dueDate: clock.dueDate,
    round: item.round,
    decidedOn: isDecided(item.status) ? (item.decidedOn ?? null) : null,
    /** 告知承诺制: the follow-up check's due date while it is still to be made (the queue's task). */
    checkDue: checkOpen(item) ? item.onCommitment!.checkDue : null,
  };
}

export type ItemRow = ReturnType<typeof itemRowOf>;

/** Each field's column and PostgreSQL type, in the order the row declares them. */
export const ITEM_ROW_COLUMNS: { readonly [K in keyof ItemRow]: readonly [string, string] } = {
  code: ['code', 'text'],
  taskId: ['task_id', 'text'],
  name: ['name', 'text'],
  department: ['department', 'text'],
  stage: ['stage', 'text'],
  theme: ['theme', 'text'],
  status: ['status', 'text'],
  risk: ['risk', 'text'],
  limitDays: ['limit_days', 'int'],
  usedDays: ['used_days', 'int'],
  dueDate: ['due_date', 'date'],
  round: ['round', 'int'],
  decidedOn: ['decided_on', 'date'],
  checkDue: ['check_due', 'date'],
};

export const ITEM_ROW_FIELDS = Object.keys(ITEM_ROW_COLUMNS) as (keyof ItemRow)[];

/** What the row holds, as one string: equal keys, equal rows. */
export const itemRowKey = (row: ItemRow): string =>
  JSON.stringify(ITEM_ROW_FIELDS.map((f) => row[f]));
