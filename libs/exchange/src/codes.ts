/**
 * Our values → the codes of the data-exchange standard (《工程建设项目审批管理系统数据共享交换标准》),
 * in one place. Sources: shared/reference/national-data-exchange.md §3.10 (aplanmis 2019 and
 * Epoint's V3). Where the standard's list was not found the mapping says so ("provisional"):
 * those numbers are ours until the province's code list is loaded.
 */
import type { ConstructionNature, FundingSource, ProjectType } from '../../domain/src';

/** 审批流程类型 SPLCLX (§3.10: 1 政府投资房屋建筑类, 3 一般社会投资, 4 小型社会投资). */
export const SPLCLX: Record<ProjectType, number> = {
  GOVERNMENT_INVESTED: 1,
  SOCIAL_INVESTMENT: 3,
  SIMPLE_LOW_RISK: 4,
};

/** 立项类型 LXLX (§3.10 derived: 1 审批, 2 核准, 3 备案): government projects are approved, others filed. */
export const LXLX: Record<ProjectType, number> = {
  GOVERNMENT_INVESTED: 1,
  SOCIAL_INVESTMENT: 3,
  SIMPLE_LOW_RISK: 3,
};

/** 对应标准审批阶段序号 DYBZSPJDXH (§3.10): our three stages onto the standard's four. */
export const DYBZSPJDXH = { PLAN: 1, START_PERMIT: 3, COMPLETION: 4 } as const;

/**
 * 建设性质 JSXZ — provisional: the standard's list was not found (aplanmis reads a local
 * dictionary, default 5); 5 stands for "other" as aplanmis's default does.
 */
export const JSXZ: Record<ConstructionNature, number> = {
  NEW: 1,
  EXTENSION: 2,
  RENOVATION: 3,
  RELOCATION: 4,
  OTHER: 5,
};

/**
 * 项目投资来源 XMTZLY — provisional: names not found; aplanmis maps its three local sources to
 * 1, 2, 3 (government, state-owned, other), and so do we.
 */
export const XMTZLY: Record<FundingSource, number> = {
  GOVERNMENT: 1,
  STATE_OWNED: 2,
  PRIVATE: 3,
  FOREIGN: 3,
  MIXED: 3,
};

/** 审批流程编码 SPLCBM of a project type: the flow; its version is the catalogue version's number. */
export const flowCode = (type: ProjectType) => `PA-${type}`;

/** 单位类型 DWLX (aplanmis's codes, §3.5): our construction units are 建设单位. */
export const DWLX_CONSTRUCTION_UNIT = 1;

/** 受理方式 SLFS (§3.10 derived): every application here is made online. */
export const SLFS_ONLINE = 4;

/**
 * 办理状态 BLZT (§3.10) of an item instance, by the timeline event that changed it. Events not
 * listed make no state-history row (materials, extensions, joint procedures, warnings).
 */
export const BLZT_BY_EVENT: Record<string, number> = {
  STAGE_SUBMITTED: 1, // 已接件: the stage's materials are in
  STAGE_RETURNED: 4, // 不受理: the window returned the stage
  STAGE_ACCEPTED: 3, // 窗口受理
  ITEM_RESUBMITTED: 1, // 已接件 (a new round)
  ITEM_STARTED: 8, // 部门受理: the department's clock starts
  SUPPLEMENT_REQUESTED: 6, // 补正（开始）
  SUPPLEMENT_ANSWERED: 7, // 补正（结束）
  SPECIAL_PROCEDURE_STARTED: 9, // 特别程序（开始）
  SPECIAL_PROCEDURE_ENDED: 10, // 特别程序（结束）
  ITEM_APPROVED: 11, // 办结（通过）; 12 when a 容缺 deficiency is still open
  ITEM_REJECTED: 13, // 办结（不通过）
  ITEM_WITHDRAWN: 14, // 撤回
  PROJECT_WITHDRAWN: 2, // 已撤件: every open item of a withdrawn project
  // 告知承诺制 (issue 27): an approval on commitment is ITEM_APPROVED (11) like any other; a
  // failed follow-up check revokes it — provisional: the standard's list has no 撤销, so it is
  // sent as 办结（不通过）, the result the item now has. A passed check changes nothing.
  ITEM_REVOKED: 13,
};
/** 办结（容缺通过）. */
export const BLZT_APPROVED_WITH_DEFICIENCY = 12;

/** 数据有效标识 SJYXBS; 数据上传状态 SJSCZT of a new row. */
export const SJYXBS_VALID = 1;
export const SJYXBS_INVALID = 0;
export const SJSCZT_NEW = 0;

/**
 * Why a row is held and not sent: aplanmis's error codes (§4) where one fits, ours (1xx) where
 * none does.
 */
export const HOLD = {
  PROJECT_NOT_SENT: '011', // 未上传项目
  INSTANCE_NOT_SENT: '030', // 未上传事项实例
  REQUIRED_CODE_MISSING: '101', // ours: a required code is empty or malformed
  TIME_ORDER: '130', // times out of order (aplanmis's 130 is 拟开工 before 拟建成)
} as const;
