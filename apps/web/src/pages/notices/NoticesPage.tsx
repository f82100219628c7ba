import { Button, Segmented, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { renderNoticeText } from '../../../../../libs/approval/src';
import { useNotices, useReadAllNotices, useReadNotice } from '../../api/notices';
import type { Ok } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { formatInstant } from '../../components/format';
import { NOTICE_TONE, useTones } from '../../components/tones';

type Notice = Ok<'/api/notices', 'get'>['items'][number];

/** The caller's inbox: newest first, unread marked; read one or all; a link to each project. */
export function Component() {
  const { t, i18n } = useTranslation();
  const tones = useTones();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? '1') || 1;
  const unreadOnly = params.get('unread') === 'true';
  const list = useNotices({ unread: unreadOnly, page, pageSize: 20 });
  const readOne = useReadNotice();
  const readAll = useReadAllNotices();
  const unread = list.data?.unread ?? 0;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
        {t('notices.title')}
      </Typography.Title>
      <Space wrap>
        <Segmented
          aria-label={t('notices.show')}
          value={unreadOnly ? 'unread' : 'all'}
          options={[
            { value: 'all', label: t('notices.all') },
            { value: 'unread', label: t('notices.unreadOnly', { count: unread }) },
          ]}
          onChange={(v) => setParams(v === 'unread' ? { unread: 'true' } : {})}
        />
        <Button
          onClick={() => readAll.mutate()}
          loading={readAll.isPending}
          disabled={unread === 0 || readAll.isPending}
        >
          {t('notices.readAll')}
        </Button>
        <Link to="/settings/mail">{t('notices.mailSettings')}</Link>
      </Space>
      <ApiErrorAlert error={list.error ?? readOne.error ?? readAll.error} />
      <DataTable<Notice>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: (p) =>
            setParams({ ...(unreadOnly ? { unread: 'true' } : {}), page: String(p) }),
        }}
        locale={{ emptyText: unreadOnly ? t('notices.noneUnread') : t('notices.empty') }}
        columns={[
          {
            title: t('notices.createdAt'),
            dataIndex: 'createdAt',
            render: (v: string) => formatInstant(v),
          },
          {
            title: t('notices.project'),
            dataIndex: 'projectName',
            render: (n: string, r) => <Link to={`/projects/${r.projectId}`}>{n}</Link>,
          },
          {
            title: t('notices.kindLabel'),
            dataIndex: 'kind',
            render: (k: Notice['kind']) => (
              <Tag color={tones[NOTICE_TONE[k]]}>{t(`notices.kind.${k}`)}</Tag>
            ),
          },
          {
            title: t('notices.message'),
            key: 'message',
            render: (_, r) => {
              const m = (r.text && renderNoticeText(i18n.language, r.text)) ?? r.message;
              return r.readAt ? m : <Typography.Text strong>{m}</Typography.Text>;
            },
          },
          {
            title: t('notices.state'),
            key: 'state',
            render: (_, r) =>
              r.readAt ? (
                <Typography.Text type="secondary">
                  {t('notices.readAt', { at: formatInstant(r.readAt) })}
                </Typography.Text>
              ) : (
                <Button
                  size="small"
                  aria-label={t('notices.markReadOf', { project: r.projectName })}
                  loading={readOne.isPending && readOne.variables === r.id}
                  disabled={readOne.isPending}
                  onClick={() => readOne.mutate(r.id)}
                >
                  {t('notices.markRead')}
                </Button>
              ),
          },
        ]}
      />
    </Space>
  );
}
