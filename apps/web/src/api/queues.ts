/** What waits on staff: an officer's tasks, the window's submissions, a head's escalations. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, call } from './client';
import { queueKeys } from './keys';
import type { Query } from './types';

export function useTasks(query: Query<'/api/tasks'>) {
  return useQuery({
    queryKey: queueKeys.tasks(query),
    queryFn: () => call(api.GET('/api/tasks', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useSubmissions(query: Query<'/api/submissions'>) {
  return useQuery({
    queryKey: queueKeys.submissions(query),
    queryFn: () => call(api.GET('/api/submissions', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useEscalations(query: Query<'/api/escalations'>) {
  return useQuery({
    queryKey: queueKeys.escalations(query),
    queryFn: () => call(api.GET('/api/escalations', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}
