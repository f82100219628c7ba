/**
 * A project's identity and master data (项目基本信息): the investment project code given by the
 * online investment approval platform and the facts the provincial / national platform's SPGL
 * project and unit tables carry. The code lists of the standard were not found
 * (shared/reference/national-data-exchange.md §3.10: "lists —"), so construction nature and
 * funding source are our codes with their Chinese names; the exchange's mapping to numbers lives
 * with the exchange (libs/exchange/src/codes.ts).
 */

/** 建设性质: the kinds the issue names (new / extension / renovation) and the other usual ones. */
export const CONSTRUCTION_NATURES = [
  { code: 'NEW', zh: '新建' },
  { code: 'EXTENSION', zh: '扩建' },
  { code: 'RENOVATION', zh: '改建' },
  { code: 'RELOCATION', zh: '迁建' },
  { code: 'OTHER', zh: '其他' },
] as const;
export type ConstructionNature = (typeof CONSTRUCTION_NATURES)[number]['code'];

/** 项目投资来源: who pays. */
export const FUNDING_SOURCES = [
  { code: 'GOVERNMENT', zh: '政府投资' },
  { code: 'STATE_OWNED', zh: '国有企业投资' },
  { code: 'PRIVATE', zh: '民间投资' },
  { code: 'FOREIGN', zh: '外商投资' },
  { code: 'MIXED', zh: '混合投资' },
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number]['code'];

export const CONSTRUCTION_NATURE_CODES = CONSTRUCTION_NATURES.map((n) => n.code);
export const FUNDING_SOURCE_CODES = FUNDING_SOURCES.map((n) => n.code);

/** A construction unit (建设单位) of the project: its name and unified social credit code. */
export interface ConstructionUnit {
  name: string;
  creditCode: string;
}

/** What a project carries besides its name and type; every field optional (older projects). */
export interface ProjectMasterData {
  projectCode?: string;
  constructionUnits?: ConstructionUnit[];
  /** 万元. */
  totalInvestment?: number;
  /** m². */
  landArea?: number;
  /** m². */
  floorArea?: number;
  address?: string;
  constructionNature?: ConstructionNature;
  fundingSource?: FundingSource;
}

export const MASTER_DATA_FIELDS = [
  'projectCode',
  'constructionUnits',
  'totalInvestment',
  'landArea',
  'floorArea',
  'address',
  'constructionNature',
  'fundingSource',
] as const satisfies readonly (keyof ProjectMasterData)[];

/** The master data fields of `source` (e.g. a create request's body), those given. */
export function pickMasterData(source: ProjectMasterData): ProjectMasterData {
  const out: Record<string, unknown> = {};
  for (const f of MASTER_DATA_FIELDS) if (source[f] !== undefined) out[f] = source[f];
  return out;
}

/**
 * The investment project code (投资项目统一代码, 发改投资〔2020〕1439号, GB/T 40058-2021): 24
 * characters, `YYYY-DDDDDD-II-TT-SSSSSC` — year, 6-digit administrative division code,
 * 2-digit industry (department) code, 2-digit project-type code, 5-digit serial and a check
 * digit. The check digit's rule was not found, so it is taken as a digit, unchecked.
 */
export const PROJECT_CODE_PATTERN = /^(\d{4})-(\d{6})-(\d{2})-(\d{2})-(\d{6})$/;

/** First two digits of GB/T 2260 division codes: the provinces, autonomous regions, HK, Macao. */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
  53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
]);

/** The first year of the national online investment approval platform's codes. */
const FIRST_CODE_YEAR = 2014;

/**
 * Why `code` is not an investment project code, or undefined when it is one. `thisYear`: the
 * caller's current year (a code is never from the future).
 */
export function projectCodeProblem(code: string, thisYear: number): string | undefined {
  const m = PROJECT_CODE_PATTERN.exec(code);
  if (!m) {
    return 'must look like 2026-440300-47-01-000016: year, 6-digit division code, industry, type and serial joined by "-" (24 characters)';
  }
  const year = Number(m[1]);
  if (year < FIRST_CODE_YEAR || year > thisYear) {
    return `must start with the year it was given (${FIRST_CODE_YEAR}–${thisYear}), got ${m[1]}`;
  }
  if (!PROVINCES.has(Number(m[2].slice(0, 2)))) {
    return `characters 6 to 11 must be an administrative division code, got ${m[2]}`;
  }
  return undefined;
}

/** The 6-digit administrative division code inside a project code. */
export const divisionOfProjectCode = (code: string): string | undefined =>
  PROJECT_CODE_PATTERN.exec(code)?.[2];
