import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { KeyTag } from '../../components/KeyTag';
import { type WindowDone, WindowDoneAlert } from './WindowDone';
import { PreReviewedTag } from './PreReviewed';
import { useSubmissions } from '../../api/queues';
import { DataTable } from '../../components/DataTable';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useNames } from '../../components/names';

/**
 * The window's queue: stage submissions waiting for acceptance, oldest first; each opens the
 * check of its materials, where the window accepts, accepts with deficiency or returns it.
 */
export function Component() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const names = useNames();
  const loc = useLocation();
  const done = (loc.state as { how?: string } | null)?.how ? (loc.state as WindowDone) : null;
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? '1') || 1;
  const list = useSubmissions({ status: 'SUBMITTED', page, pageSize: 20 });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
        {t('window.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('window.hint')}</Typography.Text>
      {done && (
        <WindowDoneAlert
          done={done}
          onClose={() =>
            void navigate(`${loc.pathname}${loc.search}`, { replace: true, state: null })
          }
        />
      )}
      <ApiErrorAlert error={list.error} />
      <DataTable
        rowKey={(r) => `${r.projectId}:${r.stage}`}
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: (p) => setParams({ page: String(p) }),
        }}
        locale={{ emptyText: t('window.empty') }}
        columns={[
          {
            title: t('projects.name'),
            dataIndex: 'projectName',
            render: (n: string, r) => (
              <>
                <Link to={`/projects/${r.projectId}`}>{n}</Link>
                <KeyTag flag={r.key} />
              </>
            ),
          },
          {
            title: t('projects.stage'),
            dataIndex: 'stage',
            render: (s: string, r) => (
              <>
                {t(`stage.${s}`)}
                <PreReviewedTag row={r} />
              </>
            ),
          },
          { title: t('projects.owner'), key: 'owner', render: (_, r) => names.organisation(r) },
          { title: t('window.submittedOn'), dataIndex: 'submittedOn' },
          {
            title: t('items.action'),
            key: 'act',
            render: (_, r) => (
              <Button
                type="primary"
                size="small"
                onClick={() => void navigate(`/window/${r.projectId}/${r.stage}`)}
              >
                {t('windowReview.open')}
              </Button>
            ),
          },
        ]}
      />
    </Space>
  );
}
