/**
 * Every query key of the web app, one factory per resource (TanStack Query's query-key
 * factories). Pages read through the hooks beside this file and never write a key; a command
 * says what it made stale through these keys. Keys go from general to specific, so
 * invalidating `projectKeys.detail(id)` refreshes all of that project's reads (its timeline,
 * ratings, documents, materials and delegations too), and `queueKeys.all` every staff queue.
 */
import type { DocumentRef, Query } from './types';

export const accountKeys = {
  all: ['account'] as const,
  me: () => [...accountKeys.all, 'me'] as const,
  mail: () => [...accountKeys.all, 'mail'] as const,
  demoAccounts: () => [...accountKeys.all, 'demo-accounts'] as const,
  directory: () => [...accountKeys.all, 'directory'] as const,
};

export const catalogKeys = {
  all: ['catalog'] as const,
  departments: () => [...catalogKeys.all, 'departments'] as const,
  questionnaire: () => [...catalogKeys.all, 'questionnaire'] as const,
};

/** Regions and the catalogue versions of each (the administrator's). */
export const catalogueKeys = {
  all: ['catalogue'] as const,
  regions: () => [...catalogueKeys.all, 'regions'] as const,
  versions: (region: string) => [...catalogueKeys.all, 'versions', region] as const,
  diff: (from: string, to: string) => [...catalogueKeys.all, 'diff', from, to] as const,
  document: (id: string) => [...catalogueKeys.all, 'document', id] as const,
};

export const projectKeys = {
  all: ['projects'] as const,
  lists: () => [...projectKeys.all, 'list'] as const,
  list: (query: Query<'/api/projects'>) => [...projectKeys.lists(), query] as const,
  detail: (id: string) => [...projectKeys.all, 'detail', id] as const,
  timeline: (id: string) => [...projectKeys.detail(id), 'timeline'] as const,
  contact: (id: string) => [...projectKeys.detail(id), 'contact'] as const,
  ratings: (id: string) => [...projectKeys.detail(id), 'ratings'] as const,
  delegations: (id: string) => [...projectKeys.detail(id), 'delegations'] as const,
  document: (id: string, doc: DocumentRef) => [...projectKeys.detail(id), 'document', doc] as const,
  /** Its materials' files and verdicts, and its 一次性告知书: a command on it refreshes both. */
  materials: (id: string) => [...projectKeys.detail(id), 'materials'] as const,
  requirements: (id: string) => [...projectKeys.detail(id), 'requirements'] as const,
  /** The specialist's plan (its targets judged as of today). */
  plan: (id: string) => [...projectKeys.detail(id), 'plan'] as const,
};

/** What waits on staff: the officers' tasks, the window's submissions, the heads' escalations. */
export const queueKeys = {
  all: ['queues'] as const,
  tasks: (query: Query<'/api/tasks'>) => [...queueKeys.all, 'tasks', query] as const,
  submissions: (query: Query<'/api/submissions'>) =>
    [...queueKeys.all, 'submissions', query] as const,
  escalations: (query: Query<'/api/escalations'>) =>
    [...queueKeys.all, 'escalations', query] as const,
};

export const rectificationKeys = {
  all: ['rectifications'] as const,
  list: (query: Query<'/api/rectifications'>) => [...rectificationKeys.all, query] as const,
};

export const noticeKeys = {
  all: ['notices'] as const,
  unread: () => [...noticeKeys.all, 'unread'] as const,
  list: (query: Query<'/api/notices'>) => [...noticeKeys.all, 'list', query] as const,
};

export const mandateKeys = { all: ['mandates'] as const };

export const statisticsKeys = {
  all: ['statistics'] as const,
  report: (query: Query<'/api/statistics'>) => [...statisticsKeys.all, query] as const,
};

export const adminKeys = {
  all: ['admin'] as const,
  users: () => [...adminKeys.all, 'users'] as const,
  userList: (query: Query<'/api/admin/users'>) => [...adminKeys.users(), query] as const,
  organisations: () => [...adminKeys.all, 'organisations'] as const,
  calendarYears: () => [...adminKeys.all, 'calendar-years'] as const,
  audit: (query: Query<'/api/audit'>) => [...adminKeys.all, 'audit', query] as const,
  exchange: () => [...adminKeys.all, 'exchange'] as const,
  reconciliation: (day: string) => [...adminKeys.exchange(), 'reconciliation', day] as const,
  exchangeRows: (query: Query<'/api/exchange/rows'>) =>
    [...adminKeys.exchange(), 'rows', query] as const,
};

/** A handed-in file's bytes (they never change: a new version is a new file). */
export const fileKeys = {
  all: ['files'] as const,
  bytes: (fileId: string) => [...fileKeys.all, fileId] as const,
};
