import { DownloadOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Row,
  Select,
  Space,
  Statistic,
  Typography,
  theme,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AgentServiceCard } from './AgentServiceCard';
import { useSearchParams } from 'react-router';
import { defaultPolicies } from '../../../../../libs/domain/src';
import { useDepartments } from '../../api/catalog';
import { PROJECT_TYPES, STAGE_CODES } from '../../api/enums';
import { type Statistics, downloadStatistics, useStatistics } from '../../api/statistics';
import { useSession } from '../../auth/useSession';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { EChart, type EChartsOption } from '../../components/EChart';
import { useTones } from '../../components/tones';
import { ExpressLaneStats } from './ExpressLaneStats';

type DeptRow = Statistics['byDepartment'][number];
type Query = { from?: string; to?: string; department?: string };

const percent = (r: number | null | undefined) =>
  r === null || r === undefined ? '—' : `${Math.round(r * 1000) / 10}%`;
const days = (d: number | null | undefined) => (d === null || d === undefined ? '—' : String(d));

/**
 * The supervisor's dashboard (every department, or one) and a department head's view of its
 * own: on-time rates, days per stage against the stage limits, the table by department as CSV.
 */
export function Component() {
  const { t } = useTranslation();
  const s = useSession();
  const depts = useDepartments();
  const supervisor = s?.role === 'SUPERVISOR';
  const { token } = theme.useToken();
  const bad = useTones().bad;
  const [params, setParams] = useSearchParams();
  const query: Query = {
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    department: (supervisor && params.get('department')) || undefined,
  };
  const setQuery = (q: Query) =>
    setParams(Object.fromEntries(Object.entries(q).filter(([, v]) => v)));
  const stats = useStatistics(query);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const [downloading, setDownloading] = useState(false);
  const data = stats.data;

  const download = async () => {
    if (downloading) return;
    setDownloading(true);
    setDownloadError(null);
    try {
      await downloadStatistics(query);
    } catch (err) {
      setDownloadError(err);
    } finally {
      setDownloading(false);
    }
  };

  const rows = data?.byDepartment ?? [];
  const rateOption = useMemo<EChartsOption>(
    () => ({
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${String(v)}%` },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((r) => depts.name(r.department)),
        axisLabel: { width: 110, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: t('statistics.onTimeRate'),
          data: rows.map((r) =>
            r.onTimeRate === null ? null : Math.round(r.onTimeRate * 1000) / 10,
          ),
          label: { show: true, position: 'right', formatter: '{c}%' },
          itemStyle: { color: token.colorPrimary },
        },
      ],
    }),
    [rows, depts, t, token],
  );
  const stageOption = useMemo<EChartsOption>(() => {
    const avg = data?.averageDaysByStage;
    return {
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      xAxis: { type: 'category', data: STAGE_CODES.map((c) => t(`stage.${c}`)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('statistics.average'),
          data: STAGE_CODES.map((c) => avg?.[c] ?? null),
          label: { show: true, position: 'top' },
          itemStyle: { color: token.colorPrimary },
        },
        ...PROJECT_TYPES.map((type, n) => ({
          type: 'bar',
          name: t('statistics.limitOf', { type: t(`type.${type}`) }),
          data: STAGE_CODES.map((c) => defaultPolicies.byType[type].stageBudgets?.[c] ?? null),
          // The limits in three greys, light to dark.
          itemStyle: {
            color: [token.colorBorder, token.colorTextQuaternary, token.colorIcon][n],
            opacity: 0.8,
          },
        })),
      ],
    };
  }, [data, t, token]);

  const range = (from?: string, to?: string) => ({
    from: data?.from ?? from ?? '',
    to: data?.to ?? to ?? '',
  });
  const title =
    !supervisor && data?.department
      ? t('statistics.headTitle', { department: depts.name(data.department) })
      : t('statistics.title');
  const pick = (field: 'from' | 'to') => (d: Dayjs | null) =>
    setQuery({ ...query, [field]: d ? d.format('YYYY-MM-DD') : undefined });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
        {title}
      </Typography.Title>
      <Form layout="inline" style={{ rowGap: 8 }}>
        <Form.Item label={t('statistics.from')} htmlFor="statistics-from">
          <DatePicker
            id="statistics-from"
            allowClear={false}
            value={data ? dayjs(data.from) : query.from ? dayjs(query.from) : null}
            onChange={pick('from')}
          />
        </Form.Item>
        <Form.Item label={t('statistics.to')} htmlFor="statistics-to">
          <DatePicker
            id="statistics-to"
            allowClear={false}
            value={data ? dayjs(data.to) : query.to ? dayjs(query.to) : null}
            onChange={pick('to')}
          />
        </Form.Item>
        {supervisor && (
          <Form.Item label={t('statistics.department')} htmlFor="statistics-department">
            <Select
              id="statistics-department"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('statistics.allDepartments')}
              value={query.department}
              style={{ width: 200 }}
              onChange={(v?: string) => setQuery({ ...query, department: v })}
              options={depts.items.map((d) => ({ value: d.code, label: depts.name(d.code) }))}
            />
          </Form.Item>
        )}
      </Form>
      <Typography.Text type="secondary">
        {t('statistics.rangeHint', range(query.from, query.to))}
      </Typography.Text>
      <ApiErrorAlert error={stats.error ?? downloadError} />
      <Row gutter={[16, 16]}>
        {(
          [
            ['inProgress', data?.projects.inProgress],
            ['completed', data?.projects.completed],
            ['overdueProjects', data?.projects.overdue, bad],
            ['decided', data?.items.decided],
            ['onTime', data?.items.onTime],
            ['onTimeRate', percent(data?.items.onTimeRate)],
            ['rated', data?.satisfaction.rated],
            ['satisfiedRate', percent(data?.satisfaction.satisfiedRate)],
            ['rectificationsOpened', data?.rectifications.opened],
            ['rectificationsOnTime', data?.rectifications.respondedOnTime],
            ['rectificationsOverdue', data?.rectifications.overdue, bad],
          ] as const
        ).map(([key, value, color]) => (
          <Col key={key} xs={12} sm={8} xl={4}>
            <Card size="small">
              <Statistic
                title={t(`statistics.${key}`)}
                value={value ?? '—'}
                valueStyle={color ? { color } : undefined}
              />
            </Card>
          </Col>
        ))}
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={<h3 style={{ fontSize: 15, margin: 0 }}>{t('statistics.byDepartment')}</h3>}
          >
            <EChart
              option={rateOption}
              height={Math.max(120, rows.length * 30 + 40)}
              label={t('statistics.byDepartmentLabel', {
                values: rows
                  .map((r) => `${depts.name(r.department)} ${percent(r.onTimeRate)}`)
                  .join('，'),
              })}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={<h3 style={{ fontSize: 15, margin: 0 }}>{t('statistics.byStage')}</h3>}
          >
            <EChart
              option={stageOption}
              height={300}
              label={t('statistics.byStageLabel', {
                values: STAGE_CODES.map(
                  (c) => `${t(`stage.${c}`)} ${days(data?.averageDaysByStage[c])}`,
                ).join('，'),
              })}
            />
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              {t('statistics.stageHint')}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col span={24}>
          <AgentServiceCard service={data?.agentService} />
        </Col>
      </Row>
      <ExpressLaneStats data={data} />
      <Card
        size="small"
        title={<h3 style={{ fontSize: 15, margin: 0 }}>{t('statistics.table')}</h3>}
        extra={
          <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void download()}>
            {t('statistics.download')}
          </Button>
        }
      >
        <DataTable<DeptRow>
          rowKey="department"
          loading={stats.isFetching}
          dataSource={rows}
          pagination={false}
          columns={[
            {
              title: t('statistics.department'),
              dataIndex: 'department',
              render: (d: string) => depts.name(d),
            },
            { title: t('statistics.decided'), dataIndex: 'decided' },
            { title: t('statistics.onTime'), dataIndex: 'onTime' },
            {
              title: t('statistics.onTimeRate'),
              dataIndex: 'onTimeRate',
              render: (r: number | null) => percent(r),
            },
            {
              title: t('statistics.averageDays'),
              dataIndex: 'averageDays',
              render: (d: number | null) => days(d),
            },
            { title: t('statistics.overdueNow'), dataIndex: 'overdueNow' },
          ]}
        />
      </Card>
    </Space>
  );
}
