/*
 * The domain of parallel approvals: catalog (departments, stages, themes, items), policies
 * (limits and warning rule per project type) and the questionnaire that tailors a project's
 * checklist. Pure data and functions, safe to import from Temporal workflow code.
 */
export * from './project-types';
export * from './catalog/types';
export { defaultDepartments } from './catalog/departments';
export { defaultStages } from './catalog/stages';
export { defaultThemes } from './catalog/themes';
export { defaultItems } from './catalog/items';
export {
  CatalogValidationError,
  DEPARTMENT_CODE_PATTERN,
  ITEM_CODE_PATTERN,
  loadCatalog,
  type CatalogIssue,
  type LoadCatalogOptions,
} from './catalog/load-catalog';
export {
  defaultCatalog,
  defaultCatalogData,
  findDepartment,
  findItem,
  findTheme,
  overrideCatalog,
  promisedLimitFor,
  type CatalogOverride,
} from './catalog/catalog';
export { departmentNames, itemNames, themeNames, type Names } from './catalog/names';
export {
  criticalPath,
  type CriticalPath,
  type PathItem,
  type StagePath,
} from './catalog/critical-path';
export {
  DEFAULT_WARNING,
  RISKS,
  riskOf,
  warningThresholdDays,
  type Risk,
  type WarningRule,
} from './policy/warning';
export {
  PolicyValidationError,
  defaultPolicies,
  loadPolicies,
  overridePolicies,
  policyFor,
  type Policies,
  type PolicyIssue,
  type PolicyOverride,
  type ProjectTypePolicy,
} from './policy/policies';
export {
  Q,
  questionnaire,
  type AnswerExclusion,
  type Question,
  type QuestionOption,
  type Questionnaire,
} from './questionnaire/questions';
export {
  allOf,
  anyOf,
  matchRule,
  when,
  type MatchedAnswer,
  type NormalizedAnswers,
  type Rule,
} from './questionnaire/rules';
export {
  AnswersValidationError,
  describeAnswer,
  validateAnswers,
  type AnswerIssue,
  type AnswerReason,
  type AnswersInput,
} from './questionnaire/answers';
export {
  checklist,
  checklistItems,
  type Checklist,
  type ChecklistItem,
  type ChecklistOptions,
  type ChecklistStage,
  type ChecklistTheme,
  type WaivedItem,
} from './questionnaire/checklist';
export { EXAMPLE_ANSWERS, type ExampleProject } from './questionnaire/examples';
export type { ChecklistMaterial } from './questionnaire/checklist-materials';
export { MATERIAL_CODE_PATTERN } from './catalog/load-materials';
export * from './credit-code';
export * from './plain-text';
export {
  CatalogueDocumentError,
  builtInCatalogueDocument,
  loadCatalogueDocument,
  type CatalogueDocument,
  type DocumentIssue,
  type LoadedCatalogue,
} from './catalog/catalogue-document';
export { catalogueDocumentSchema } from './catalog/catalogue-document.schema';
export {
  diffCatalogues,
  type CatalogueDiff,
  type EntryChange,
  type ListDiff,
} from './catalog/catalogue-diff';
export * from './project/master-data';
