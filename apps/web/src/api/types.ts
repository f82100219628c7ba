/** Names for the API's answers, taken from the generated schema (never written by hand). */
import type { components, paths } from './schema';

type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Responses<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: infer R;
}
  ? R
  : never;
/** The JSON body of a 200 or 201 answer of `M P`. */
export type Ok<P extends keyof paths, M extends keyof paths[P]> =
  | Json<Responses<P, M>[200 & keyof Responses<P, M>]>
  | Json<Responses<P, M>[201 & keyof Responses<P, M>]>;
/** The JSON body of `M P`'s request. */
export type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

export type Schemas = components['schemas'];
export type Me = Ok<'/api/auth/me', 'get'>;
export type Report = Ok<'/api/projects/{id}', 'get'>;
export type StageReport = Report['stages'][number];
export type ItemReport = StageReport['themes'][number]['items'][number];
export type ProjectPage = Ok<'/api/projects', 'get'>;
export type ProjectRow = ProjectPage['items'][number];
export type Timeline = Ok<'/api/projects/{id}/timeline', 'get'>;
export type TimelineEntry = Timeline['items'][number];
export type Questionnaire = Ok<'/api/questionnaire', 'get'>;
export type Checklist = Ok<'/api/checklists', 'post'>;
export type TaskPage = Ok<'/api/tasks', 'get'>;
export type Task = TaskPage['items'][number];
export type Decision = Body<'/api/tasks/{taskId}/decision', 'post'>;
export type ChecklistItem = Checklist['stages'][number]['themes'][number]['items'][number];
export type ChecklistMaterial = ChecklistItem['materials'][number];
/** An item's materials as the project stands: status, every round's files, verdicts, results. */
export type ProjectMaterials = Ok<'/api/projects/{id}/materials', 'get'>;
export type ItemMaterials = ProjectMaterials['items'][number];
export type ProjectMaterial = ItemMaterials['materials'][number];
export type MaterialFile = ProjectMaterial['files'][number];
export type MaterialStatus = ProjectMaterial['status'];
export type MaterialSource = ProjectMaterial['source'];
/** 一次性告知书: every item's materials with paper copies and the acceptance standard. */
export type Requirements = Ok<'/api/projects/{id}/requirements', 'get'>;
export type RequirementMaterial =
  Requirements['stages'][number]['items'][number]['materials'][number];
export type Acceptance = Body<'/api/projects/{id}/stages/{stage}/acceptance', 'post'>;
export type Escalation = Ok<'/api/escalations', 'get'>['items'][number];
export type Role = Me['role'];
export type Risk = Report['clock']['risk'];
export type StageCode =
  paths['/api/projects/{id}/stages/{stage}/submission']['post']['parameters']['path']['stage'];
/** The query parameters of `GET P`. */
export type Query<P extends keyof paths> = paths[P] extends {
  get: { parameters: { query?: infer Q } };
}
  ? NonNullable<Q>
  : never;
/** A project's document: a stage's receipt (受理单) or an approved item's result (办结通知). */
export type DocumentRef =
  { kind: 'receipt'; stage: StageCode } | { kind: 'result'; itemCode: string };
/**
 * What a person's command sends: the values they gave, and the key of this one action, so a
 * double click or a retry after a lost answer has one effect.
 */
export interface CommandInput<V> {
  values: V;
  key: string;
}
