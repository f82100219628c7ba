/**
 * The rows of the SPGL tables a project's state stands for: its project row (SPGL_XMJBXXB), a
 * row per construction unit (SPGL_XMDWXXB), a row per item instance (SPGL_XMSPSXBLXXB) and a
 * state-history row per timeline event that changed an item (SPGL_XMSPSXBLXXXXB). Pure: the
 * same state gives the same rows, so a repeated write finds nothing new (outbox.ts diffs them).
 * Field names are the standard's (shared/reference/national-data-exchange.md §2–§3).
 */
import type { ItemState, ProjectState, TimelineEvent } from '../../approval/src';
import { departmentNames, divisionOfProjectCode, type ProjectMasterData } from '../../domain/src';
import {
  BLZT_APPROVED_WITH_DEFICIENCY,
  BLZT_BY_EVENT,
  DWLX_CONSTRUCTION_UNIT,
  JSXZ,
  LXLX,
  SJYXBS_VALID,
  SLFS_ONLINE,
  SPLCLX,
  XMTZLY,
} from './codes';

export const SPGL_TABLES = [
  'SPGL_XMJBXXB',
  'SPGL_XMDWXXB',
  'SPGL_XMSPSXBLXXB',
  'SPGL_XMSPSXBLXXXXB',
] as const;
export type SpglTable = (typeof SPGL_TABLES)[number];

export type SpglFields = Record<string, string | number | null>;

/** One row of an SPGL table, as sent; `dfsjzj` is its local key (DFSJZJ). */
export interface SpglRow {
  table: SpglTable;
  dfsjzj: string;
  fields: SpglFields;
}

/** What the rows are made of: the project's state and master data. */
export interface ExchangeSource {
  state: ProjectState;
  master: ProjectMasterData;
}

/** The flow a project follows: one per project type (the catalogue's flows are not sent yet). */
export const flowCode = (s: ProjectState) => `PA-${s.type}`;

/** 审批事项实例编码: one instance per item and application round. */
export const instanceCode = (i: ItemState) => `${i.taskId}:${i.round}`;

const day = (iso: string) => iso.slice(0, 10);

/** The snapshot rows: project, units, item instances. */
export function snapshotRows(src: ExchangeSource): SpglRow[] {
  const { state: s, master: m } = src;
  const code = m.projectCode ?? null;
  const division = (code && divisionOfProjectCode(code)) ?? null;
  const common = { XZQHDM: division, SJYXBS: SJYXBS_VALID, SJWXYY: null };
  const project: SpglRow = {
    table: 'SPGL_XMJBXXB',
    dfsjzj: s.projectId,
    fields: {
      ...common,
      XMDM: code,
      XMMC: s.name,
      GCDM: code,
      GCFW: s.name,
      XMTZLY: m.fundingSource ? XMTZLY[m.fundingSource] : null,
      SPLCLX: SPLCLX[s.type],
      LXLX: LXLX[s.type],
      JSXZ: m.constructionNature ? JSXZ[m.constructionNature] : null,
      XMSFWQBJ: s.status === 'COMPLETED' ? 1 : 0,
      XMWQBJSJ: s.status === 'COMPLETED' ? (s.stages.at(-1)?.completedOn ?? null) : null,
      ZTZE: m.totalInvestment ?? null,
      JSDDXZQH: division,
      JSDD: m.address ?? null,
      YDMJ: m.landArea ?? null,
      JZMJ: m.floorArea ?? null,
      SBSJ: day(s.createdAt),
      SPLCBM: flowCode(s),
      SPLCBBH: 1,
    },
  };
  const units: SpglRow[] = (m.constructionUnits ?? []).map((u) => ({
    table: 'SPGL_XMDWXXB',
    dfsjzj: `${s.projectId}:${u.creditCode}`,
    fields: {
      ...common,
      XMDM: code,
      GCDM: code,
      DWTYSHXYDM: u.creditCode,
      DWMC: u.name,
      DWLX: DWLX_CONSTRUCTION_UNIT,
    },
  }));
  const perStage = new Map<string, number>();
  for (const i of s.items) perStage.set(i.stage, (perStage.get(i.stage) ?? 0) + 1);
  const instances: SpglRow[] = s.items
    // 预审 is no application yet: a pre-reviewed item's instance begins with its stage's hand-in.
    .filter((i) => (i.status !== 'PENDING' && i.status !== 'PRE_REVIEW') || i.round > 1)
    .map((i) => ({
      table: 'SPGL_XMSPSXBLXXB',
      dfsjzj: instanceCode(i),
      fields: {
        ...common,
        GCDM: code,
        SPSXBM: i.code,
        SPSXBBH: 1,
        SPLCBM: flowCode(s),
        SPLCBBH: 1,
        SPSXSLBM: instanceCode(i),
        SPBMBM: i.department,
        SPBMMC: departmentNames(i.department).zh,
        SLFS: SLFS_ONLINE,
        GKFS: 1,
        // 并联审批实例: the stage's instance when it holds more than one item.
        BLSPSLBM: (perStage.get(i.stage) ?? 0) > 1 ? `${s.projectId}:${i.stage}` : null,
        SXBLSX: i.limitDays,
      },
    }));
  return [project, ...units, ...instances];
}

/** The state-history rows of the timeline events `events` (one per item they changed). */
export function historyRows(src: ExchangeSource, events: readonly TimelineEvent[]): SpglRow[] {
  const { state: s } = src;
  const code = src.master.projectCode ?? null;
  const division = (code && divisionOfProjectCode(code)) ?? null;
  const rows: SpglRow[] = [];
  for (const e of events) {
    let blzt = BLZT_BY_EVENT[e.type];
    if (blzt === undefined) continue;
    const items = e.itemCode
      ? s.items.filter((i) => i.code === e.itemCode)
      : e.type === 'PROJECT_WITHDRAWN'
        ? s.items.filter((i) => i.status === 'WITHDRAWN' && i.round >= 1)
        : s.items.filter((i) => i.stage === e.stage);
    for (const i of items) {
      if (e.type === 'ITEM_APPROVED' && i.deficiencies.some((d) => d.status === 'OPEN'))
        blzt = BLZT_APPROVED_WITH_DEFICIENCY;
      const comment = typeof e.detail?.comment === 'string' ? e.detail.comment : undefined;
      rows.push({
        table: 'SPGL_XMSPSXBLXXXXB',
        dfsjzj: `${s.projectId}:${e.seq}:${i.code}`,
        fields: {
          XZQHDM: division,
          SJYXBS: SJYXBS_VALID,
          SJWXYY: null,
          GCDM: code,
          SPSXSLBM: instanceCode(i),
          BLCS: e.onBehalfOf ?? e.role,
          BLR: e.actor,
          BLZT: blzt,
          BLYJ: comment ?? '暂无意见',
          BLSJ: e.at,
        },
      });
    }
  }
  return rows;
}
