/** The signed-in person's notices: the inbox, the bell's unread count, marking them read. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSession } from '../auth/useSession';
import { api, call } from './client';
import { useCommand } from './command';
import { noticeKeys } from './keys';
import type { Query } from './types';

export function useNotices(query: Query<'/api/notices'>) {
  return useQuery({
    queryKey: noticeKeys.list(query),
    queryFn: () => call(api.GET('/api/notices', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** Polled for the header's bell. */
export function useUnreadCount() {
  const s = useSession();
  return useQuery({
    queryKey: noticeKeys.unread(),
    queryFn: () =>
      call(api.GET('/api/notices', { params: { query: { unread: true, pageSize: 1 } } })),
    enabled: !!s,
    refetchInterval: 30_000,
    select: (d) => d.unread,
  });
}

export const useReadNotice = () =>
  useCommand(
    (id: string) => call(api.POST('/api/notices/{id}/read', { params: { path: { id } } })),
    [noticeKeys.all],
  );

export const useReadAllNotices = () =>
  useCommand(() => call(api.POST('/api/notices/read-all')), [noticeKeys.all]);
