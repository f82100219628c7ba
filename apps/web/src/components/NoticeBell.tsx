import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useUnreadCount } from '../api/notices';

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
