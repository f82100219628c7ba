/**
 * Projects: the lists, one project's report and timeline, creating one, and the commands on it.
 * A command answers after the read model has it, with the new report, so the page shows the
 * effect at once; the project's other reads, the lists and the staff queues are fetched again.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from './client';
import { projectKeys, queueKeys } from './keys';
import type { paths } from './schema';
import type { Body, Query, Report, StageCode } from './types';
import { useTellDone } from '../components/TellDone';

export function useProjects(query: Query<'/api/projects'>) {
  return useQuery({
    queryKey: projectKeys.list(query),
    queryFn: () => call(api.GET('/api/projects', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: string) {
  return useQuery({
    queryKey: projectKeys.detail(id),
    queryFn: () => call(api.GET('/api/projects/{id}', { params: { path: { id } } })),
  });
}

export function useTimeline(id: string) {
  return useQuery({
    queryKey: projectKeys.timeline(id),
    queryFn: () => call(api.GET('/api/projects/{id}/timeline', { params: { path: { id } } })),
  });
}

/** 首接负责: the window responsible for the project now, and how it came to be. */
export function useContact(id: string) {
  return useQuery({
    queryKey: projectKeys.contact(id),
    queryFn: () => call(api.GET('/api/projects/{id}/contact', { params: { path: { id } } })),
  });
}

/** The same key has one effect: a double click or a retry after a lost answer makes one project. */
export function useCreateProject(key: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Body<'/api/projects', 'post'>) =>
      call(api.POST('/api/projects', { headers: idem(key), body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: projectKeys.lists() }),
  });
}

const isReportOf = (answer: unknown, id: string): answer is Report =>
  !!answer && typeof answer === 'object' && 'stages' in answer && (answer as Report).id === id;

/**
 * A command on a project, `send` being one of `projectCommands`. Once it succeeds the person is
 * told what happened (`said`, from what they sent) and what comes next for their side (from the
 * report the command answers), in one message: every command of the web app says it this way.
 */
export function useProjectCommand<V, R = unknown>(
  projectId: string,
  send: (v: V) => Promise<R>,
  said?: (v: V, answer: R) => string,
) {
  const qc = useQueryClient();
  const tell = useTellDone();
  return useMutation({
    mutationFn: send,
    onSuccess: (answer, v) => {
      const project = projectKeys.detail(projectId);
      if (isReportOf(answer, projectId)) {
        qc.setQueryData(project, answer);
        void qc.invalidateQueries({
          queryKey: project,
          predicate: (q) => q.queryKey.length > project.length,
        });
      } else void qc.invalidateQueries({ queryKey: project });
      void qc.invalidateQueries({ queryKey: projectKeys.lists() });
      void qc.invalidateQueries({ queryKey: queueKeys.all });
      if (said) tell(said(v, answer), isReportOf(answer, projectId) ? answer : undefined);
    },
  });
}

const idem = (key: string) => ({ 'Idempotency-Key': key });
const onItem = <B>(id: string, itemCode: string, key: string, body: B) => ({
  params: { path: { id, itemCode } },
  headers: idem(key),
  body,
});
const onStage = <B>(id: string, stage: StageCode, key: string, body: B) => ({
  params: { path: { id, stage } },
  headers: idem(key),
  body,
});
const onTask = <B>(taskId: string, key: string, body: B) => ({
  params: { path: { taskId } },
  headers: idem(key),
  body,
});
type ItemBody<C extends string> = Body<
  `/api/projects/{id}/items/{itemCode}/${C}` & keyof paths,
  'post'
>;

/** Every command on a project; each carries the key of the person's one action (idempotent). */
export const projectCommands = {
  submitStage: (
    id: string,
    stage: StageCode,
    body: Body<'/api/projects/{id}/stages/{stage}/submission', 'post'>,
    key: string,
  ) =>
    call(api.POST('/api/projects/{id}/stages/{stage}/submission', onStage(id, stage, key, body))),
  decideAcceptance: (
    id: string,
    stage: StageCode,
    body: Body<'/api/projects/{id}/stages/{stage}/acceptance', 'post'>,
    key: string,
  ) =>
    call(api.POST('/api/projects/{id}/stages/{stage}/acceptance', onStage(id, stage, key, body))),
  answerSupplement: (id: string, itemCode: string, body: ItemBody<'supplement'>, key: string) =>
    call(
      api.POST('/api/projects/{id}/items/{itemCode}/supplement', onItem(id, itemCode, key, body)),
    ),
  deliverDeficiency: (
    id: string,
    itemCode: string,
    body: ItemBody<'deficiency-delivery'>,
    key: string,
  ) =>
    call(
      api.POST(
        '/api/projects/{id}/items/{itemCode}/deficiency-delivery',
        onItem(id, itemCode, key, body),
      ),
    ),
  resubmitItem: (id: string, itemCode: string, body: ItemBody<'resubmission'>, key: string) =>
    call(
      api.POST('/api/projects/{id}/items/{itemCode}/resubmission', onItem(id, itemCode, key, body)),
    ),
  withdrawItem: (id: string, itemCode: string, body: ItemBody<'withdrawal'>, key: string) =>
    call(
      api.POST('/api/projects/{id}/items/{itemCode}/withdrawal', onItem(id, itemCode, key, body)),
    ),
  extendItem: (id: string, itemCode: string, body: ItemBody<'extension'>, key: string) =>
    call(
      api.POST('/api/projects/{id}/items/{itemCode}/extension', onItem(id, itemCode, key, body)),
    ),
  withdrawProject: (id: string, body: Body<'/api/projects/{id}/withdrawal', 'post'>, key: string) =>
    call(
      api.POST('/api/projects/{id}/withdrawal', {
        params: { path: { id } },
        headers: idem(key),
        body,
      }),
    ),
  scheduleJointProcedure: (
    id: string,
    body: Body<'/api/projects/{id}/joint-procedures', 'post'>,
    key: string,
  ) =>
    call(
      api.POST('/api/projects/{id}/joint-procedures', {
        params: { path: { id } },
        headers: idem(key),
        body,
      }),
    ),
  recordJointResult: (
    id: string,
    procedureId: string,
    body: Body<'/api/projects/{id}/joint-procedures/{procedureId}/result', 'post'>,
    key: string,
  ) =>
    call(
      api.POST('/api/projects/{id}/joint-procedures/{procedureId}/result', {
        params: { path: { id, procedureId } },
        headers: idem(key),
        body,
      }),
    ),
  /** The master data's fields given (null removes one), until the PLAN stage is accepted. */
  editMasterData: (id: string, body: Body<'/api/projects/{id}/master-data', 'patch'>) =>
    call(api.PATCH('/api/projects/{id}/master-data', { params: { path: { id } }, body })),
  handOver: (id: string, body: Body<'/api/projects/{id}/hand-over', 'post'>, key: string) =>
    call(
      api.POST('/api/projects/{id}/hand-over', {
        params: { path: { id } },
        headers: idem(key),
        body,
      }),
    ),
  /** An officer's decision on the item `taskId` (`projectId:itemCode`). */
  /** 预审: the next stage's materials handed in while the current one is in review. */
  preReview: (
    id: string,
    stage: StageCode,
    body: Body<'/api/projects/{id}/stages/{stage}/pre-review', 'post'>,
    key: string,
  ) =>
    call(api.POST('/api/projects/{id}/stages/{stage}/pre-review', onStage(id, stage, key, body))),
  preReviewComment: (
    taskId: string,
    body: Body<'/api/tasks/{taskId}/pre-review-comment', 'post'>,
    key: string,
  ) => call(api.POST('/api/tasks/{taskId}/pre-review-comment', onTask(taskId, key, body))),
  /** 核查: the follow-up check of an approval on commitment. */
  checkCommitment: (taskId: string, body: Body<'/api/tasks/{taskId}/check', 'post'>, key: string) =>
    call(api.POST('/api/tasks/{taskId}/check', onTask(taskId, key, body))),
  decide: (taskId: string, body: Body<'/api/tasks/{taskId}/decision', 'post'>, key: string) =>
    call(api.POST('/api/tasks/{taskId}/decision', onTask(taskId, key, body))),
};
