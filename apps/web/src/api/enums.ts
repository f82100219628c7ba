/**
 * The API's value lists, generated from its OpenAPI document (`npm run gen:api` runs
 * openapi-typescript with `--enum-values`): a select offers what the API accepts, never a copy.
 */
import {
  checklistMaterialDtoSourceValues,
  pathsApiAuditGetParametersQueryActionValues,
  pathsApiEscalationsGetParametersQueryRiskValues,
  procedureDtoTypeValues,
  projectMasterDataDtoConstructionNatureValues,
  projectMasterDataDtoFundingSourceValues,
  projectClockDtoRiskValues,
  projectReportDtoTypeValues,
  rectificationDtoStatusValues,
  stageReportDtoCodeValues,
  taskDtoStatusValues,
  userDtoRoleValues,
} from './schema';

export const ROLES = userDtoRoleValues;
export const RISKS = projectClockDtoRiskValues;
export const STAGE_CODES = stageReportDtoCodeValues;
export const PROJECT_TYPES = projectReportDtoTypeValues;
/** An officer's queue: under review, or stopped while the department holds the item. */
export const TASK_STATUSES = taskDtoStatusValues;
/** The law's procedures not counted in the limit (art. 45). */
export const SPECIAL_PROCEDURE_TYPES = procedureDtoTypeValues;
export const RECTIFICATION_STATUSES = rectificationDtoStatusValues;
/** A head's escalations: the risks that are escalated. */
export const ESCALATION_RISKS = pathsApiEscalationsGetParametersQueryRiskValues;
/** What the audit trail records, one name per kind of event. */
export const AUDIT_ACTIONS = pathsApiAuditGetParametersQueryActionValues;
/** 建设性质 and 项目投资来源 of a project's master data. */
export const CONSTRUCTION_NATURES = projectMasterDataDtoConstructionNatureValues;
export const FUNDING_SOURCES = projectMasterDataDtoFundingSourceValues;
/** Who provides a material (申请人 / 前序事项 / 政府部门 / 中介机构). */
export const MATERIAL_SOURCES = checklistMaterialDtoSourceValues;
