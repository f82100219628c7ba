/**
 * 好差评 and its rectifications: a project's ratings, rating an item, the rectifications of bad
 * ratings and their answers.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import i18n from 'i18next';
import { api, call } from './client';
import { useCommand } from './command';
import { projectKeys, rectificationKeys } from './keys';
import type { Body, CommandInput, Ok, Query } from './types';

export type Rating = Ok<'/api/projects/{id}/ratings', 'get'>['items'][number];
export type Rectification = Ok<'/api/rectifications', 'get'>['items'][number];

export function useRatings(projectId: string) {
  return useQuery({
    queryKey: projectKeys.ratings(projectId),
    queryFn: () =>
      call(api.GET('/api/projects/{id}/ratings', { params: { path: { id: projectId } } })),
  });
}

export function useRectifications(query: Query<'/api/rectifications'>) {
  return useQuery({
    queryKey: rectificationKeys.list(query),
    queryFn: () => call(api.GET('/api/rectifications', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** A rating may open a rectification, and an answer changes the rating's row: both refresh. */
const stale = (projectId: string) => [projectKeys.ratings(projectId), rectificationKeys.all];

type Rate = Body<'/api/projects/{id}/items/{itemCode}/rating', 'post'>;
export const useRateItem = (projectId: string, itemCode: string) =>
  useCommand(
    ({ values }: CommandInput<Rate>) =>
      call(
        api.POST('/api/projects/{id}/items/{itemCode}/rating', {
          params: { path: { id: projectId, itemCode } },
          body: values,
        }),
      ),
    stale(projectId),
    ({ values }) => i18n.t(values.score <= 2 ? 'done.ratedBad' : 'done.rated'),
  );

/** The head's answer (a note), or the applicant's confirmation (put right, or disputed). */
export const useAnswerRectification = (
  r: Pick<Rectification, 'id' | 'projectId'>,
  kind: 'respond' | 'confirm',
) =>
  useCommand(({ values: v }: CommandInput<{ note?: string; satisfied?: boolean }>) => {
    const params = { path: { id: r.id } };
    return kind === 'respond'
      ? call(
          api.POST('/api/rectifications/{id}/response', { params, body: { note: v.note ?? '' } }),
        )
      : call(
          api.POST('/api/rectifications/{id}/confirmation', {
            params,
            body: { satisfied: v.satisfied!, note: v.note },
          }),
        );
  }, stale(r.projectId));
