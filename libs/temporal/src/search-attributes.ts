/**
 * The search attributes every project workflow keeps current, so an operator can find projects
 * in the Temporal Web UI or with `temporal workflow list --query "ProjectRisk='OVERDUE'"`.
 * Every server the workflow runs on must have them registered (an unregistered attribute fails
 * the workflow task): the dev server gets them as `--search-attribute`, the cluster through the
 * operator API (libs/embedded), and docker-compose/production with
 * `temporal operator search-attribute create`.
 */
import { SearchAttributeType, defineSearchAttributeKey } from '@temporalio/common';

export const PROJECT_STAGE = defineSearchAttributeKey('ProjectStage', SearchAttributeType.KEYWORD);
export const PROJECT_RISK = defineSearchAttributeKey('ProjectRisk', SearchAttributeType.KEYWORD);
export const PROJECT_TYPE = defineSearchAttributeKey('ProjectType', SearchAttributeType.KEYWORD);
export const OWNER_ORGANISATION = defineSearchAttributeKey(
  'OwnerOrganisation',
  SearchAttributeType.KEYWORD,
);
/**
 * The project's name, set once when its workflow starts (the API's create; a name never
 * changes): a column of the Web UI's workflow list. Runs started before it have none.
 */
export const PROJECT_NAME = defineSearchAttributeKey('ProjectName', SearchAttributeType.KEYWORD);
export const PROJECT_DUE_DATE = defineSearchAttributeKey(
  'ProjectDueDate',
  SearchAttributeType.DATETIME,
);

/** Name → type, for registering them on a server. */
export const PROJECT_SEARCH_ATTRIBUTES: Record<string, 'Keyword' | 'Datetime'> = {
  [PROJECT_NAME.name]: 'Keyword',
  [PROJECT_STAGE.name]: 'Keyword',
  [PROJECT_RISK.name]: 'Keyword',
  [PROJECT_TYPE.name]: 'Keyword',
  [OWNER_ORGANISATION.name]: 'Keyword',
  [PROJECT_DUE_DATE.name]: 'Datetime',
};
