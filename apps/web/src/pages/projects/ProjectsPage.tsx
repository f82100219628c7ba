import { PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Flex,
  Grid,
  Input,
  List,
  Select,
  Space,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useDepartments } from '../../api/catalog';
import { PROJECT_TYPES, RISKS, STAGE_CODES } from '../../api/enums';
import { useProjects } from '../../api/projects';
import type { ProjectRow } from '../../api/types';
import { useSession } from '../../auth/useSession';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ClockGauge } from '../../components/ClockGauge';
import { NextActionTags } from '../../components/NextActions';
import { RiskTag, StatusTag } from '../../components/RiskTag';
import { useNames } from '../../components/names';
import { KeyTag } from '../../components/KeyTag';

const STAFF = new Set([
  'SUPERVISOR',
  'ADMIN',
  'WINDOW_OFFICER',
  'REVIEWING_OFFICER',
  'DEPARTMENT_HEAD',
  'SERVICE_CENTRE',
]);

/** The projects the caller may see: its own (applicant), delegated (agent, riskiest first), or all. */
export function Component() {
  const { t } = useTranslation();
  const s = useSession();
  const screens = Grid.useBreakpoint();
  const depts = useDepartments();
  const names = useNames();
  const [params, setParams] = useSearchParams();
  const staff = STAFF.has(s?.role ?? '');
  const page = Number(params.get('page') ?? '1') || 1;
  const filter = {
    q: params.get('q') ?? undefined,
    stage: (params.get('stage') ?? undefined) as (typeof STAGE_CODES)[number] | undefined,
    type: (params.get('type') ?? undefined) as (typeof PROJECT_TYPES)[number] | undefined,
    risk: (params.get('risk') ?? undefined) as (typeof RISKS)[number] | undefined,
    department: params.get('department') ?? undefined,
    overdue: (params.get('overdue') ?? undefined) as 'true' | 'false' | undefined,
  };
  const list = useProjects({
    ...filter,
    overdue: filter.overdue === undefined ? undefined : filter.overdue === 'true',
    page,
    pageSize: 20,
  });
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next);
  };
  /** A filter kept in the URL, so a list can be bookmarked and comes back as it was. */
  const pick = (
    key: keyof typeof filter,
    label: string,
    options: { value: string; label: string }[],
    width: number,
  ) => (
    <Select
      aria-label={label}
      placeholder={label}
      allowClear
      showSearch={options.length > 6}
      optionFilterProp="label"
      value={filter[key]}
      onChange={(v: string | undefined) => set(key, v)}
      style={{ minWidth: width }}
      options={options}
    />
  );
  const title =
    s?.role === 'APPLICANT'
      ? t('projects.mine')
      : s?.role === 'AGENT'
        ? t('projects.agent')
        : t('projects.all');
  const canCreate = s?.role === 'APPLICANT' || s?.role === 'AGENT';
  const rows = list.data?.items ?? [];
  const pages = {
    current: page,
    pageSize: 20,
    total: list.data?.total ?? 0,
    onChange: (p: number) => set('page', String(p)),
  };
  const typeName = (ty: string) => t(`type.${ty}`);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
          {title}
        </Typography.Title>
        {canCreate && (
          <Link to="/projects/new">
            <Button type="primary" icon={<PlusOutlined />}>
              {t('nav.newProject')}
            </Button>
          </Link>
        )}
      </Flex>
      <Flex wrap gap={8} role="search" aria-label={t('projects.filters')}>
        <Input.Search
          aria-label={t('projects.search')}
          placeholder={t('projects.search')}
          allowClear
          defaultValue={filter.q}
          onSearch={(v) => set('q', v.trim() || undefined)}
          style={{ width: screens.md ? 240 : '100%' }}
        />
        {staff && (
          <>
            {pick(
              'stage',
              t('projects.stage'),
              STAGE_CODES.map((x) => ({ value: x, label: t(`stage.${x}`) })),
              130,
            )}
            {pick(
              'type',
              t('projects.type'),
              PROJECT_TYPES.map((x) => ({ value: x, label: typeName(x) })),
              150,
            )}
            {pick(
              'risk',
              t('projects.risk'),
              RISKS.map((x) => ({ value: x, label: t(`risk.${x}`) })),
              120,
            )}
            {pick(
              'overdue',
              t('projects.overdue'),
              [
                { value: 'true', label: t('projects.overdueOnly') },
                { value: 'false', label: t('projects.notOverdue') },
              ],
              140,
            )}
            {pick(
              'department',
              t('projects.department'),
              depts.items.map((d) => ({ value: d.code, label: depts.name(d.code) })),
              180,
            )}
          </>
        )}
      </Flex>
      <ApiErrorAlert error={list.error} />
      {screens.md ? (
        <Table<ProjectRow>
          rowKey="id"
          loading={list.isFetching}
          dataSource={rows}
          pagination={{ ...pages, showSizeChanger: false }}
          columns={[
            {
              // A long name ends in an ellipsis, the whole of it in the tooltip: the other
              // columns keep their widths.
              title: t('projects.name'),
              dataIndex: 'name',
              ellipsis: { showTitle: false },
              render: (n: string, r) => (
                <Tooltip title={n} placement="topLeft">
                  <Link to={`/projects/${r.id}`}>{n}</Link>
                  <KeyTag flag={r.key} />
                  {r.projectCode && (
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.projectCode}
                      </Typography.Text>
                    </div>
                  )}
                </Tooltip>
              ),
            },
            { title: t('projects.type'), dataIndex: 'type', width: 130, render: typeName },
            ...(staff
              ? [
                  {
                    title: t('projects.owner'),
                    key: 'owner',
                    width: 140,
                    ellipsis: true,
                    render: (_: unknown, r: ProjectRow) => names.organisation(r),
                  },
                ]
              : []),
            {
              title: t('projects.stage'),
              dataIndex: 'stage',
              width: 100,
              render: (st: string, r) =>
                r.status === 'IN_PROGRESS' ? t(`stage.${st}`) : <StatusTag status={r.status} />,
            },
            {
              title: t('projects.clock'),
              key: 'clock',
              width: 120,
              render: (_, r) => (
                <ClockGauge
                  usedDays={r.clock.usedDays}
                  limitDays={r.clock.limitDays}
                  risk={r.clock.risk}
                  size={56}
                />
              ),
            },
            {
              title: t('projects.risk'),
              key: 'risk',
              width: 80,
              render: (_, r) => <RiskTag risk={r.clock.risk} />,
            },
            {
              title: t('projects.next'),
              key: 'next',
              width: 260,
              render: (_, r) => <NextActionTags actions={r.nextActions} />,
            },
          ]}
        />
      ) : (
        <List<ProjectRow>
          loading={list.isFetching}
          dataSource={rows}
          pagination={{ ...pages, size: 'small' }}
          renderItem={(r) => (
            <List.Item style={{ padding: '4px 0' }}>
              <Card size="small" style={{ width: '100%' }}>
                <Flex gap={12} align="center">
                  <ClockGauge
                    usedDays={r.clock.usedDays}
                    limitDays={r.clock.limitDays}
                    risk={r.clock.risk}
                    size={56}
                  />
                  <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
                    <Link
                      to={`/projects/${r.id}`}
                      style={{ fontWeight: 600, overflowWrap: 'anywhere' }}
                    >
                      {r.name}
                    </Link>
                    <span>
                      {typeName(r.type)} ·{' '}
                      {r.status === 'IN_PROGRESS' ? t(`stage.${r.stage}`) : t(`status.${r.status}`)}{' '}
                      <RiskTag risk={r.clock.risk} />
                    </span>
                    <NextActionTags actions={r.nextActions} />
                  </Flex>
                </Flex>
              </Card>
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}
