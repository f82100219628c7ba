import { StarFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Rate, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import type { ItemReport, Ok, Report } from '../../api/types';
import { useSession } from '../../auth/useSession';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { StatusTag } from '../../components/RiskTag';
import { useDepartments } from '../../components/useDepartments';
import { RateModal, useScoreLabels } from './RateModal';

type Rating = Ok<'/api/projects/{id}/ratings', 'get'>['items'][number];
const DECIDED = new Set(['APPROVED', 'REJECTED']);

/** 好差评: every decided item with its rating of this round; the applicant's side rates it. */
export function RatingsPanel({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  const s = useSession();
  const depts = useDepartments();
  const labels = useScoreLabels();
  const [rating, setRating] = useState<ItemReport | null>(null);
  const ratings = useQuery({
    queryKey: ['ratings', report.id],
    queryFn: () =>
      call(api.GET('/api/projects/{id}/ratings', { params: { path: { id: report.id } } })),
  });
  const applicantSide = s?.role === 'APPLICANT' || s?.role === 'AGENT';
  const decided = report.stages
    .flatMap((st) => st.themes.flatMap((th) => th.items))
    .filter((i) => DECIDED.has(i.status));
  const ratingOf = (i: ItemReport): Rating | undefined =>
    ratings.data?.items.find((r) => r.itemCode === i.code && r.round === i.round);
  const en = i18n.language === 'en';
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('ratings.title')}</h2>} size="small">
      <Typography.Paragraph type="secondary">{t('ratings.intro')}</Typography.Paragraph>
      <ApiErrorAlert error={ratings.error} />
      <DataTable<ItemReport>
        size="small"
        rowKey="code"
        pagination={false}
        scroll={{ x: 'max-content' }}
        loading={ratings.isFetching}
        dataSource={decided}
        locale={{ emptyText: t('ratings.none') }}
        columns={[
          { title: t('items.name'), key: 'name', render: (_, i) => (en ? i.nameEn : i.name) },
          {
            title: t('items.department'),
            dataIndex: 'department',
            render: (d: string) => depts.name(d),
          },
          {
            title: t('items.status'),
            dataIndex: 'status',
            render: (x: string) => <StatusTag status={x} />,
          },
          {
            title: t('ratings.score'),
            key: 'score',
            render: (_, i) => {
              const r = ratingOf(i);
              if (!r)
                return <Typography.Text type="secondary">{t('ratings.notRated')}</Typography.Text>;
              return (
                <span>
                  <Rate disabled value={r.score} character={<StarFilled aria-hidden />} />{' '}
                  <Typography.Text>{labels[r.score - 1]}</Typography.Text>
                  {r.comment && <Typography.Text type="secondary"> — {r.comment}</Typography.Text>}
                </span>
              );
            },
          },
          {
            title: t('ratings.rectification'),
            key: 'rectification',
            render: (_, i) => {
              const r = ratingOf(i);
              return r?.rectificationStatus ? (
                <Link to="/rectifications">
                  <Tag>{t(`ratings.status.${r.rectificationStatus}`)}</Tag>
                </Link>
              ) : null;
            },
          },
          ...(applicantSide
            ? [
                {
                  title: t('items.action'),
                  key: 'act',
                  render: (_: unknown, i: ItemReport) =>
                    ratingOf(i) || !ratings.data ? null : (
                      <Button
                        size="small"
                        onClick={() => setRating(i)}
                        aria-label={t('ratings.rateItem', { item: en ? i.nameEn : i.name })}
                      >
                        {t('ratings.rate')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {rating && (
        <RateModal
          projectId={report.id}
          itemCode={rating.code}
          itemName={en ? rating.nameEn : rating.name}
          onClose={() => setRating(null)}
        />
      )}
    </Card>
  );
}
