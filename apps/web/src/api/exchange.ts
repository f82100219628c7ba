/** The exchange with the provincial platform, as the administrator watches it (admin only). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from './client';
import { adminKeys } from './keys';
import type { Body, Ok, Query } from './types';

export type ExchangeRow = Ok<'/api/exchange/rows', 'get'>['items'][number];

export function useExchangeStatus() {
  return useQuery({
    queryKey: adminKeys.exchange(),
    queryFn: () => call(api.GET('/api/exchange/status')),
    refetchInterval: 10_000,
  });
}

export function useExchangeRows(query: Query<'/api/exchange/rows'>, enabled: boolean) {
  return useQuery({
    queryKey: adminKeys.exchangeRows(query),
    queryFn: () => call(api.GET('/api/exchange/rows', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The day's reconciliation: our rows sent against the staging database's, per table. */
export function useReconciliation(day: string) {
  return useQuery({
    queryKey: adminKeys.reconciliation(day),
    queryFn: () =>
      call(api.GET('/api/exchange/reconciliation', { params: { query: day ? { day } : {} } })),
  });
}

export function useResend() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Body<'/api/exchange/resend', 'post'>) =>
      call(api.POST('/api/exchange/resend', { body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: adminKeys.exchange() }),
  });
}
