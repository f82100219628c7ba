/** The supervisor's and heads' statistics, on screen and as CSV. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, call } from './client';
import { saveAnswer } from './download';
import { statisticsKeys } from './keys';
import type { Ok, Query } from './types';

export type Statistics = Ok<'/api/statistics', 'get'>;
type StatisticsQuery = Omit<Query<'/api/statistics'>, 'format'>;

export function useStatistics(query: StatisticsQuery) {
  return useQuery({
    queryKey: statisticsKeys.report(query),
    queryFn: () => call(api.GET('/api/statistics', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** The table by department as CSV, saved under the name the API gives it. */
export const downloadStatistics = (query: StatisticsQuery) =>
  saveAnswer(
    api.GET('/api/statistics', { params: { query: { ...query, format: 'csv' } }, parseAs: 'blob' }),
    'statistics.csv',
  );
