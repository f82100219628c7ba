/**
 * The local approval flow a project runs in (SPGL_DFXMSPLCXXB, §3.1), its stages
 * (SPGL_DFXMSPLCJDXXB, §3.2) and the items placed in them (SPGL_DFXMSPLCJDSXXXB, §3.3). A flow is
 * a project type on one catalogue version, reported by the city (XZQHDM) whose projects run it;
 * a published version never changes, so each row is sent once — the first project that needs
 * it claims it (exchange_latest's key), and the items of later projects of the flow add theirs.
 */
import type { ProjectState } from '../../approval/src';
import {
  STAGE_CODES,
  defaultCatalog,
  defaultStages,
  departmentNames,
  divisionOfProjectCode,
} from '../../domain/src';
import type { ProjectType } from '../../domain/src';
import { DYBZSPJDXH, SJYXBS_VALID, SPLCLX, flowCode } from './codes';
import type { ExchangeSource, FlowVersion, SpglRow } from './rows';

const TYPE_NAMES: Record<ProjectType, string> = {
  GOVERNMENT_INVESTED: '政府投资工程建设项目审批流程',
  SOCIAL_INVESTMENT: '一般社会投资项目审批流程',
  SIMPLE_LOW_RISK: '社会投资简易低风险项目审批流程',
};

/** The standard item codes a catalogue's items carry (`standardCode`), by item code. */
export function standardCodesOf(
  items: readonly { code?: unknown; standardCode?: unknown }[],
): Record<string, string> {
  const codes: Record<string, string> = {};
  for (const i of items)
    if (typeof i.code === 'string' && typeof i.standardCode === 'string')
      codes[i.code] = i.standardCode;
  return codes;
}

/** The built-in catalogue's flow: projects from before catalogue versions run on it. */
export const BUILT_IN_FLOW: FlowVersion = {
  number: 1,
  label: 'built-in',
  effectiveFrom: null,
  standardCodes: standardCodesOf(defaultCatalog.items),
};

const FIRST_VERSION: FlowVersion = { ...BUILT_IN_FLOW, label: '' };

/** 办件类型 BJLX 2 承诺件: every item here runs under a promised limit. */
const BJLX_PROMISED = 2;
/** 申请对象 SQDX 6 (aplanmis: empty or more than one). */
const SQDX_ANY = 6;
/** 办理结果送达方式 (aplanmis's default). */
const BLJGSDFS_DEFAULT = '2,3';

/** The flow's rows for the project's flow version, in the order they are sent. */
export function flowRows(src: ExchangeSource, version: FlowVersion = FIRST_VERSION): SpglRow[] {
  const s: ProjectState = src.state;
  const division =
    (src.master.projectCode && divisionOfProjectCode(src.master.projectCode)) ?? null;
  if (!division) return [];
  const SPLCBM = flowCode(s.type);
  const SPLCBBH = version.number;
  const key = `${division}:${SPLCBM}:${SPLCBBH}`;
  const common = { XZQHDM: division, SJYXBS: SJYXBS_VALID, SJWXYY: null, SPLCBM, SPLCBBH };
  const order = (stage: string) => STAGE_CODES.indexOf(stage as (typeof STAGE_CODES)[number]) + 1;
  const flow: SpglRow = {
    table: 'SPGL_DFXMSPLCXXB',
    dfsjzj: key,
    fields: {
      ...common,
      SPLCMC: TYPE_NAMES[s.type],
      SPLCSXSJ: version.effectiveFrom,
      SPLCLX: SPLCLX[s.type],
      SPLCSM: version.label,
    },
  };
  const stages: SpglRow[] = STAGE_CODES.map((code) => ({
    table: 'SPGL_DFXMSPLCJDXXB',
    dfsjzj: `${key}:${code}`,
    fields: {
      ...common,
      SPJDBM: code,
      SPJDMC: defaultStages.find((x) => x.code === code)?.name ?? code,
      SPJDXH: order(code),
      DYBZSPJDXH: String(DYBZSPJDXH[code]),
      SPJDSX: s.stageBudgets?.[code] ?? null,
      LCBSXLX: 1, // the stage is done when all its items are
    },
  }));
  const items: SpglRow[] = s.items.map((i) => ({
    table: 'SPGL_DFXMSPLCJDSXXXB',
    dfsjzj: `${key}:${i.code}`,
    fields: {
      ...common,
      SPJDXH: order(i.stage),
      SPSXBM: i.code,
      SPSXBBH: 1,
      SPSXMC: i.name,
      DYBZSPSXBM: version.standardCodes?.[i.code] ?? null,
      SFSXGZCNZ: 0,
      BJLX: BJLX_PROMISED,
      SQDX: SQDX_ANY,
      BLJGSDFS: BLJGSDFS_DEFAULT,
      SPSXBLSX: i.limitDays - i.extensionDays,
      SPBMBM: i.department,
      SPBMMC: departmentNames(i.department).zh,
      QZSPSXBM: i.prerequisites.length ? i.prerequisites.join(',') : null,
      SFLCBSX: 1,
    },
  }));
  return [flow, ...stages, ...items];
}
