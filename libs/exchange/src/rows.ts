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
  flowCode,
} from './codes';

export const SPGL_TABLES = [
  'SPGL_DFXMSPLCXXB',
  'SPGL_DFXMSPLCJDXXB',
  'SPGL_DFXMSPLCJDSXXXB',
  'SPGL_XMJBXXB',
  'SPGL_XMDWXXB',
  'SPGL_XMSPSXBLXXB',
  'SPGL_XMSPSXBLXXXXB',
  'SPGL_XMSPSXPFWJXXB',
  'SPGL_XMQTFJXXB',
] as const;
export type SpglTable = (typeof SPGL_TABLES)[number];

export type SpglFields = Record<string, string | number | null>;

/** One row of an SPGL table, as sent; `dfsjzj` is its local key (DFSJZJ). */
export interface SpglRow {
  table: SpglTable;
  dfsjzj: string;
  fields: SpglFields;
}

/** An issued result (办结通知) of an approved item, as the read model numbered it. */
export interface IssuedResult {
  itemCode: string;
  round: number;
  number: string;
  decidedOn: string;
}

/** A file handed in for a material, as the files table names it. */
export interface HandedInFile {
  id: string;
  filename: string;
  contentType: string;
}

/** A catalogue version as a flow's version: its number in its region, label and start. */
export interface FlowVersion {
  /** 审批流程版本号: the version's place among its region's published versions (1, 2, …). */
  number: number;
  label: string;
  effectiveFrom: string | null;
  /** 对应标准审批事项编码 (DYBZSPSXBM) of the version's items that have one, by item code. */
  standardCodes?: Readonly<Record<string, string>>;
}

/** What the rows are made of: the project's state and master data (and its documents, files). */
export interface ExchangeSource {
  state: ProjectState;
  master: ProjectMasterData;
  /** The results issued; absent: no approval-document rows. */
  results?: readonly IssuedResult[];
  /** The files handed in, by id; absent: no attachment rows. */
  files?: ReadonlyMap<string, HandedInFile>;
  /** The flow version the project runs in (absent: version 1). */
  flow?: FlowVersion;
}

/** 批复文件有效期限 of a document without one (aplanmis's default). */
export const UNLIMITED_VALIDITY = '9999-01-01';

/** 附件类型 FJLX: the file's type by its name's extension, else by its content type. */
const fileType = (name: string, contentType: string) =>
  /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase() ?? contentType.split('/').pop() ?? '';

/** 审批事项实例编码: one instance per item and application round. */
export const instanceCode = (i: ItemState) => `${i.taskId}:${i.round}`;

const day = (iso: string) => iso.slice(0, 10);

/** The project's codes and the columns every one of its rows starts with (§2). */
function projectColumns(m: ProjectMasterData) {
  const code = m.projectCode ?? null;
  const division = (code && divisionOfProjectCode(code)) ?? null;
  return { code, division, common: { XZQHDM: division, SJYXBS: SJYXBS_VALID, SJWXYY: null } };
}

/** 并联审批实例 BLSPSLBM of an item: its stage's instance when the stage holds more than one item. */
function parallelInstance(s: ProjectState): (i: ItemState) => string | null {
  const perStage = new Map<string, number>();
  for (const i of s.items) perStage.set(i.stage, (perStage.get(i.stage) ?? 0) + 1);
  return (i) => ((perStage.get(i.stage) ?? 0) > 1 ? `${s.projectId}:${i.stage}` : null);
}

/**
 * Whether an item has an instance (事项实例) on the platform: once its stage was handed in (已接件),
 * even while it waits for a prerequisite after the acceptance, or from a second round on.
 */
const hasInstance = (s: ProjectState, i: ItemState) => {
  // 预审 is no application yet: a pre-reviewed item's instance begins with its stage's hand-in.
  if ((i.status !== 'PENDING' && i.status !== 'PRE_REVIEW') || i.round > 1) return true;
  const stage = s.stages.find((x) => x.code === i.stage);
  // 一次受理 per theme: with its own theme's hand-in.
  return stage?.themes ? stage.themes[i.theme] !== undefined : !!stage?.submittedOn;
};

/** The snapshot rows: project, units, item instances. */
export function snapshotRows(src: ExchangeSource): SpglRow[] {
  const { state: s, master: m } = src;
  const { code, division, common } = projectColumns(m);
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
      SPLCBM: flowCode(s.type),
      SPLCBBH: src.flow?.number ?? 1,
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
  const parallel = parallelInstance(s);
  const instances: SpglRow[] = s.items
    .filter((i) => hasInstance(s, i))
    .map((i) => ({
      table: 'SPGL_XMSPSXBLXXB',
      dfsjzj: instanceCode(i),
      fields: {
        ...common,
        GCDM: code,
        SPSXBM: i.code,
        SPSXBBH: 1,
        SPLCBM: flowCode(s.type),
        SPLCBBH: src.flow?.number ?? 1,
        SPSXSLBM: instanceCode(i),
        SPBMBM: i.department,
        SPBMMC: departmentNames(i.department).zh,
        SLFS: SLFS_ONLINE,
        GKFS: 1,
        // 并联审批实例: the stage's instance when it holds more than one item.
        BLSPSLBM: parallel(i),
        SXBLSX: i.limitDays,
      },
    }));
  return [project, ...units, ...instances, ...documentRows(src), ...attachmentRows(src)];
}

/**
 * 批复文件 (SPGL_XMSPSXPFWJXXB): one row per result issued to an item still approved in that
 * round, with its number (PFWH), date and title; the file is the result's PDF at its address
 * in this system (FJID). A result no longer standing (a new round) drops out, and the outbox
 * invalidates its row.
 */
function documentRows({ state: s, master: m, results = [] }: ExchangeSource): SpglRow[] {
  const { code, common } = projectColumns(m);
  return results.flatMap((r) => {
    const i = s.items.find((x) => x.code === r.itemCode);
    if (!i || i.status !== 'APPROVED' || i.round !== r.round) return [];
    return [
      {
        table: 'SPGL_XMSPSXPFWJXXB' as const,
        dfsjzj: `${instanceCode(i)}:result`,
        fields: {
          ...common,
          GCDM: code,
          SPSXSLBM: instanceCode(i),
          PFRQ: r.decidedOn,
          PFWH: r.number,
          PFWJBT: `${i.name}办结通知`,
          PFWJYXQX: UNLIMITED_VALIDITY,
          FJMC: `${r.number}.pdf`,
          FJLX: 'pdf',
          FJID: `/api/projects/${s.projectId}/items/${i.code}/result`,
        },
      },
    ];
  });
}

/**
 * 其他附件 (SPGL_XMQTFJXXB): one row per file handed in for a material of an item that has an
 * instance, every round's; a file taken back drops out, and the outbox invalidates its row.
 */
function attachmentRows({ state: s, master: m, files }: ExchangeSource): SpglRow[] {
  if (!files) return [];
  const { code, common } = projectColumns(m);
  const parallel = parallelInstance(s);
  return s.items
    .filter((i) => hasInstance(s, i))
    .flatMap((i) =>
      (i.materials ?? []).flatMap((mat) =>
        mat.files.flatMap((f) => {
          const file = files.get(f.id);
          if (!file) return [];
          return [
            {
              table: 'SPGL_XMQTFJXXB' as const,
              dfsjzj: f.id,
              fields: {
                ...common,
                GCDM: code,
                SPSXSLBM: instanceCode(i),
                BLSPSLBM: parallel(i),
                FJMC: file.filename,
                FJFL: 1,
                FJLX: fileType(file.filename, file.contentType),
                FJID: `/api/files/${f.id}`,
              },
            },
          ];
        }),
      ),
    );
}

/** The state-history rows of the timeline events `events` (one per item they changed). */
/** 一次受理 per theme: a stage's event names its themes; its rows are their items' only. */
const ofThemes = (e: TimelineEvent, i: ItemState) => {
  const themes = e.detail?.themes;
  return !Array.isArray(themes) || themes.includes(i.theme);
};

export function historyRows(src: ExchangeSource, events: readonly TimelineEvent[]): SpglRow[] {
  const { state: s } = src;
  const { code, common } = projectColumns(src.master);
  const rows: SpglRow[] = [];
  for (const e of events) {
    let blzt = BLZT_BY_EVENT[e.type];
    if (blzt === undefined) continue;
    const items = e.itemCode
      ? s.items.filter((i) => i.code === e.itemCode)
      : e.type === 'PROJECT_WITHDRAWN'
        ? s.items.filter((i) => i.status === 'WITHDRAWN' && i.round >= 1)
        : s.items.filter((i) => i.stage === e.stage && ofThemes(e, i));
    for (const i of items) {
      if (e.type === 'ITEM_APPROVED' && i.deficiencies.some((d) => d.status === 'OPEN'))
        blzt = BLZT_APPROVED_WITH_DEFICIENCY;
      const comment = typeof e.detail?.comment === 'string' ? e.detail.comment : undefined;
      rows.push({
        table: 'SPGL_XMSPSXBLXXXXB',
        dfsjzj: `${s.projectId}:${e.seq}:${i.code}`,
        fields: {
          ...common,
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
