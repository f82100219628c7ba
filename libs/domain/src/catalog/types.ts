import type { ProjectType, StageCode } from '../project-types';
import type { Rule } from '../questionnaire/rules';

/** Government departments decide; utility companies are connection providers outside the licensing law. */
export type DepartmentKind = 'GOVERNMENT' | 'UTILITY';

/** The government level a department belongs to (三级四同: province, city, district publish aligned lists). */
export const DEPARTMENT_LEVELS = ['PROVINCE', 'CITY', 'DISTRICT', 'TOWNSHIP'] as const;
export type DepartmentLevel = (typeof DEPARTMENT_LEVELS)[number];

export interface Department {
  /** Short uppercase ASCII; becomes the reviewing officer's username `officer.<code>`. */
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly kind: DepartmentKind;
  /** The level whose agency handles the department's items (a catalogue version names it). */
  readonly level?: DepartmentLevel;
  /** The region (administrative division code) the department serves. */
  readonly region?: string;
}

export interface Stage {
  readonly code: StageCode;
  readonly name: string;
  readonly nameEn: string;
  /** The national four-stage numbers (1-4) this stage covers (reference §2.2). */
  readonly nationalStages: readonly number[];
}

export interface Theme {
  /** URL-safe, unique in the catalog. */
  readonly code: string;
  readonly stage: StageCode;
  readonly name: string;
  readonly nameEn: string;
}

/**
 * The merged procedures in which several departments act together instead of one after another:
 * joint site survey (联合踏勘), joint drawing review (多图联审), joint acceptance (联合验收) and
 * joint surveying/mapping (联合测绘).
 */
export const JOINT_PROCEDURES = [
  'SITE_SURVEY',
  'DRAWING_REVIEW',
  'ACCEPTANCE',
  'SURVEYING',
] as const;
export type JointProcedure = (typeof JOINT_PROCEDURES)[number];

/**
 * `SPECIFIC`: a law or regulation fixes the item's own limit. `GENERAL_RULE`: no specific limit
 * was found, so the Administrative Licensing Law's general 20 working days (art. 42) stands in.
 */
export type StatutoryBasis = 'SPECIFIC' | 'GENERAL_RULE';

/** Where a material comes from (aplanmis 材料来源; an earlier item's result is never asked again). */
export const MATERIAL_SOURCES = [
  'APPLICANT',
  'EARLIER_ITEM',
  'GOVERNMENT',
  'INTERMEDIARY',
] as const;
export type MaterialSource = (typeof MATERIAL_SOURCES)[number];

/** The paper the window also takes, where a source states it: originals, copies, paper size. */
export interface PaperCopies {
  readonly originals: number;
  readonly copies: number;
  readonly size?: 'A3' | 'A4' | 'A5';
}

/** One material (申请材料) an item asks for, as written in catalog data. */
export interface MaterialData {
  /** Unique in its item; URL-safe (`…/materials/:material/files`). */
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  /** Default: `EARLIER_ITEM` when `producedBy` is set, else `APPLICANT`. */
  readonly source?: MaterialSource;
  /**
   * The earlier item(s) whose result this material is: the first of them on a project's
   * checklist provides it when approved, and the applicant hands in nothing (2019 national rule).
   */
  readonly producedBy?: string | readonly string[];
  readonly paper?: PaperCopies | null;
  /** 容缺: the window may accept the item while this material is still missing. */
  readonly deficiencyAllowed?: boolean;
  /** A template or sample (its name or address), where one exists. */
  readonly template?: string | null;
  /** The acceptance standard (受理标准) the window checks it against. */
  readonly standard: string;
  /** In English; default: the built-in translation (catalog/standards-en.ts), else `standard`. */
  readonly standardEn?: string;
  /** Asked for only when this rule holds (default: always) … */
  readonly requiredWhen?: Rule | null;
  /** … and not when this one holds too: then listed as waived, with the answers. */
  readonly waivedWhen?: Rule | null;
}

/** A material after loading: every optional field filled in. */
export interface CatalogMaterial extends MaterialData {
  readonly source: MaterialSource;
  readonly producedBy: readonly string[];
  readonly paper: PaperCopies | null;
  readonly deficiencyAllowed: boolean;
  readonly template: string | null;
  readonly standardEn: string;
  readonly requiredWhen: Rule | null;
  readonly waivedWhen: Rule | null;
}

/** An item as written in catalog data (optional fields may be left out). */
export interface ItemData {
  /** URL-safe (`/api/projects/:id/items/:itemCode/...`), unique in the catalog. */
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly stage: StageCode;
  /** A theme of the same stage. */
  readonly theme: string;
  readonly department: string;
  /** Promised limit (承诺时限) in working days: what the clock and the critical path use. */
  readonly promisedLimitDays: number;
  /** A shorter (or longer) promised limit for some project types, e.g. simple low-risk. */
  readonly promisedLimitDaysByType?: Partial<Record<ProjectType, number>>;
  /** Statutory limit (法定时限) in working days; never below the promised limit. */
  readonly statutoryLimitDays: number;
  readonly statutoryBasis: StatutoryBasis;
  /** Items that must be approved first. Only the same or an earlier stage; rare inside a stage. */
  readonly prerequisites?: readonly string[];
  readonly jointProcedure?: JointProcedure | null;
  /** The item is on the checklist when this rule holds … */
  readonly requiredWhen: Rule;
  /** … unless this one holds too: then it is listed as waived, with the answers that waived it. */
  readonly waivedWhen?: Rule | null;
  /** Why the waiver exists (shown with the waived item). */
  readonly waiverNote?: string | null;
  readonly waiverNoteEn?: string | null;
  /** Rows of `reference/approval-items.md` this item is built from (empty: not in the reference). */
  readonly referenceNos?: readonly number[];
  /** Where the limits come from, in short. */
  readonly sources?: string;
  /** What the applicant hands in (or an earlier item provides). */
  readonly materials?: readonly MaterialData[];
  /**
   * 告知承诺制: the item may be approved on the applicant's written commitment, with a
   * follow-up check (核查) due `checkDays` working days later (default 20). Absent: not eligible.
   */
  readonly commitment?: CommitmentPolicy | null;
  /**
   * 对应标准审批事项编码 (DYBZSPSXBM): the national standard item code the exchange reports the
   * item under, 4–7 digits (V3: `0060001` 建设用地规划许可; `9990` for a stage sent as an item).
   * Absent: none given.
   */
  readonly standardCode?: string | null;
}

/** An item's approval on commitment, as the catalogue allows it. */
export interface CommitmentPolicy {
  readonly checkDays?: number;
}

/** Working days from an approval on commitment to its follow-up check, unless the item says. */
export const DEFAULT_COMMITMENT_CHECK_DAYS = 20;

/** An item after loading: every optional field filled in. */
export interface CatalogItem extends ItemData {
  readonly promisedLimitDaysByType: Partial<Record<ProjectType, number>>;
  readonly prerequisites: readonly string[];
  readonly jointProcedure: JointProcedure | null;
  readonly waivedWhen: Rule | null;
  readonly waiverNote: string | null;
  readonly waiverNoteEn: string | null;
  readonly referenceNos: readonly number[];
  readonly sources: string;
  readonly materials: readonly CatalogMaterial[];
}

/** Catalog data as stored (and as a region supplies it). */
export interface CatalogData {
  readonly version: string;
  readonly departments: readonly Department[];
  readonly stages: readonly Stage[];
  readonly themes: readonly Theme[];
  readonly items: readonly ItemData[];
}

/** A catalog that passed `loadCatalog`: consistent, frozen, plain JSON-serialisable data. */
export interface Catalog extends CatalogData {
  readonly items: readonly CatalogItem[];
}
