/** The administrator's audit trail: filtered on screen, and the same events as CSV. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, call } from './client';
import { saveAnswer } from './download';
import { adminKeys } from './keys';
import type { Ok, Query } from './types';

export type AuditEvent = Ok<'/api/audit', 'get'>['items'][number];
export type AuditQuery = Omit<Query<'/api/audit'>, 'format'>;

export function useAudit(query: AuditQuery) {
  return useQuery({
    queryKey: adminKeys.audit(query),
    queryFn: () => call(api.GET('/api/audit', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export const downloadAudit = (query: AuditQuery) =>
  saveAnswer(
    api.GET('/api/audit', { params: { query: { ...query, format: 'csv' } }, parseAs: 'blob' }),
    'audit.csv',
  );
