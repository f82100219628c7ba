/**
 * The rules a row must pass before it is sent (shared/reference/national-data-exchange.md §4):
 * referential order — a project's units, item instances and their history only after the
 * project row; history only after its item instance —, required codes present and well-formed,
 * and an item instance's history in time order. A row that fails is held with its code, never
 * sent half-valid. Pure: what was sent before comes in `sent`.
 */
import { HOLD } from './codes';
import type { SpglFields, SpglTable } from './rows';

export interface RuleRow {
  projectId: string;
  table: SpglTable;
  fields: SpglFields;
}

/** What the staging database has been sent, as far as the rules need it. */
export interface Sent {
  /** Projects whose project row was sent. */
  projects: Set<string>;
  /** Item instances (SPSXSLBM) whose row was sent. */
  instances: Set<string>;
  /** The latest BLSJ sent per item instance. */
  lastHistoryAt: Map<string, string>;
}

const REQUIRED: Record<SpglTable, string[]> = {
  SPGL_DFXMSPLCXXB: ['SPLCBM', 'SPLCBBH', 'SPLCMC', 'SPLCLX'],
  SPGL_DFXMSPLCJDXXB: ['SPLCBM', 'SPLCBBH', 'SPJDBM', 'SPJDXH', 'DYBZSPJDXH'],
  SPGL_DFXMSPLCJDSXXXB: ['SPLCBM', 'SPLCBBH', 'SPJDXH', 'SPSXBM', 'SPSXMC', 'SPBMBM'],
  SPGL_XMJBXXB: ['XMDM', 'GCDM', 'XMMC', 'SPLCLX'],
  SPGL_XMDWXXB: ['GCDM', 'DWTYSHXYDM', 'DWMC'],
  SPGL_XMSPSXBLXXB: ['GCDM', 'SPSXBM', 'SPSXSLBM'],
  SPGL_XMSPSXBLXXXXB: ['GCDM', 'SPSXSLBM', 'BLZT', 'BLSJ'],
  // §3.8: the date, number and title are required of a result of 办结（通过）.
  SPGL_XMSPSXPFWJXXB: ['GCDM', 'SPSXSLBM', 'PFRQ', 'PFWH', 'PFWJBT'],
  SPGL_XMQTFJXXB: ['GCDM', 'SPSXSLBM', 'FJMC'],
};

/** The tables whose rows belong to an item instance: sent only after it (030). */
/** The local flow's tables (§3.1–3.3): of the city, not of a project; sent before its projects. */
const OF_FLOW = new Set<SpglTable>([
  'SPGL_DFXMSPLCXXB',
  'SPGL_DFXMSPLCJDXXB',
  'SPGL_DFXMSPLCJDSXXXB',
]);

export const OF_INSTANCE: ReadonlySet<SpglTable> = new Set<SpglTable>([
  'SPGL_XMSPSXBLXXXXB',
  'SPGL_XMSPSXPFWJXXB',
  'SPGL_XMQTFJXXB',
]);

const empty = (v: unknown) => v === null || v === undefined || v === '';

/** Why the row may not be sent (`<code> <what>`), or undefined when it may. */
export function ruleViolation(row: RuleRow, sent: Sent): string | undefined {
  const f = row.fields;
  if (row.table !== 'SPGL_XMJBXXB' && !OF_FLOW.has(row.table) && !sent.projects.has(row.projectId))
    return `${HOLD.PROJECT_NOT_SENT} 未上传项目: the project row is not sent yet`;
  if (OF_INSTANCE.has(row.table) && !sent.instances.has(String(f.SPSXSLBM)))
    return `${HOLD.INSTANCE_NOT_SENT} 未上传事项实例: item instance ${String(f.SPSXSLBM)} is not sent yet`;
  const missing = REQUIRED[row.table].filter((k) => empty(f[k]));
  if (!/^\d{6}$/.test(String(f.XZQHDM ?? ''))) missing.unshift('XZQHDM');
  if (missing.length) return `${HOLD.REQUIRED_CODE_MISSING} 必填代码缺失: ${missing.join(', ')}`;
  if (row.table === 'SPGL_XMSPSXBLXXXXB') {
    const last = sent.lastHistoryAt.get(String(f.SPSXSLBM));
    if (last && Date.parse(String(f.BLSJ)) < Date.parse(last))
      return `${HOLD.TIME_ORDER} 时间顺序错误: BLSJ ${String(f.BLSJ)} is before ${last}, already sent`;
  }
  return undefined;
}

/** Records that `row` is sent, for the rows after it in the same batch. */
export function markSent(row: RuleRow, sent: Sent): void {
  const f = row.fields;
  if (row.table === 'SPGL_XMJBXXB' && f.SJYXBS !== 0) sent.projects.add(row.projectId);
  if (row.table === 'SPGL_XMSPSXBLXXB' && f.SJYXBS !== 0) sent.instances.add(String(f.SPSXSLBM));
  if (row.table === 'SPGL_XMSPSXBLXXXXB') {
    const k = String(f.SPSXSLBM);
    const last = sent.lastHistoryAt.get(k);
    if (!last || Date.parse(String(f.BLSJ)) > Date.parse(last))
      sent.lastHistoryAt.set(k, String(f.BLSJ));
  }
}
