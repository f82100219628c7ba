import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, call } from '../api/client';
import { useSession } from '../auth/useSession';

/** The caller's unread notices, shared by the bell and the inbox (one query key prefix). */
export const NOTICES_KEY = ['notices'] as const;

export function useUnreadCount() {
  const s = useSession();
  return useQuery({
    queryKey: [...NOTICES_KEY, 'unread', s?.username],
    queryFn: () =>
      call(api.GET('/api/notices', { params: { query: { unread: true, pageSize: 1 } } })),
    enabled: !!s,
    refetchInterval: 30_000,
    select: (d) => d.unread,
  });
}

/** The header's bell: the unread count, a click opens the inbox. */
export function NoticeBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const unread = useUnreadCount().data ?? 0;
  return (
    <Badge count={unread} size="small" overflowCount={99}>
      <Button
        icon={<BellOutlined />}
        aria-label={t('notices.bell', { count: unread })}
        onClick={() => void navigate('/notices')}
      />
    </Badge>
  );
}
