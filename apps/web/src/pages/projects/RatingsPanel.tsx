import { StarFilled } from '@ant-design/icons';
import { Alert, Button, Card, Form, Rate, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Rating, useRateItem, useRatings } from '../../api/rectifications';
import type { ItemReport, Report } from '../../api/types';
import { useSession } from '../../auth/useSession';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import {
  CommandModal,
  type ItemDialog,
  type ItemTarget,
  TextField,
  itemTarget,
} from '../../components/CommandModal';
import { ItemTable } from '../../components/DataTable';
import { useItemColumns } from '../../components/itemColumns';

const DECIDED = new Set(['APPROVED', 'REJECTED']);

/** The five labels of 好差评, 1 = 非常不满意 … 5 = 非常满意. */
function useScoreLabels(): string[] {
  const { t } = useTranslation();
  return [1, 2, 3, 4, 5].map((n) => t(`ratings.scores.${n}`));
}

/** 好差评: every decided item with its rating of this round; the applicant's side rates it. */
export function RatingsPanel({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  const s = useSession();
  const col = useItemColumns();
  const labels = useScoreLabels();
  const [rating, setRating] = useState<ItemTarget | null>(null);
  const ratings = useRatings(report.id);
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
      <ItemTable<ItemReport>
        loading={ratings.isFetching}
        dataSource={decided}
        locale={{ emptyText: t('ratings.none') }}
        columns={[
          { title: t('items.name'), key: 'name', render: (_, i) => (en ? i.nameEn : i.name) },
          col.department,
          col.status,
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
                        onClick={() => setRating(itemTarget(report.id, i, en))}
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
      {rating && <RateDialog {...rating} onClose={() => setRating(null)} />}
    </Card>
  );
}

interface RatingForm {
  score: number;
  comment?: string;
}

/** Rates one decided item: a score of 1 or 2 opens a rectification by the department. */
function RateDialog({ onClose, ...item }: ItemDialog) {
  const { t } = useTranslation();
  const rate = useRateItem(item.projectId, item.itemCode);
  return (
    <CommandModal<RatingForm>
      title={t('ratings.modalTitle', { item: item.itemName })}
      command={rate}
      onClose={onClose}
      fields={
        <>
          <ScoreField />
          <CommentField />
        </>
      }
    />
  );
}

/** The comment, required with the lowest score (the API refuses it without one too). */
function CommentField() {
  const { t } = useTranslation();
  const score = Form.useWatch<number | undefined>('score') ?? 0;
  return (
    <TextField
      name="comment"
      label={t('ratings.comment')}
      required={score === 1 ? t('say.lowRatingComment') : undefined}
    />
  );
}

/** The stars, each a radio named by its label; a bad score says it opens a rectification. */
function ScoreField() {
  const { t } = useTranslation();
  const labels = useScoreLabels();
  const score = Form.useWatch<number | undefined>('score') ?? 0;
  return (
    <>
      <Form.Item
        name="score"
        label={t('ratings.score')}
        rules={[{ required: true, message: t('ratings.scoreRequired') }]}
        extra={score ? labels[score - 1] : undefined}
      >
        <Rate
          tooltips={labels}
          character={({ index = 0 }) => <StarFilled aria-label={labels[index]} />}
        />
      </Form.Item>
      {score > 0 && score <= 2 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('ratings.opensRectification')}
        />
      )}
    </>
  );
}
