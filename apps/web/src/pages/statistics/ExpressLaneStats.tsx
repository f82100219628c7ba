/**
 * Issue 27's figures on the statistics page, as the page's other figures: the handover between
 * stages with and without pre-review and the difference (预审: the working days saved), and approvals on commitment
 * (告知承诺制) with their follow-up checks.
 */
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Statistics } from '../../api/statistics';

export function ExpressLaneStats({ data }: { data?: Statistics }) {
  const { t } = useTranslation();
  const h = data?.handover;
  const c = data?.commitments;
  // The working days saved: the mean handover without pre-review less the mean with it.
  const saved =
    h && h.withPreReview !== null && h.withoutPreReview !== null
      ? Math.round((h.withoutPreReview - h.withPreReview) * 10) / 10
      : null;
  const figures: [string, string, number | null | undefined][] = [
    ['pre', t('express.withPreReview', { count: h?.withPreReviewCount ?? 0 }), h?.withPreReview],
    [
      'plain',
      t('express.withoutPreReview', { count: h?.withoutPreReviewCount ?? 0 }),
      h?.withoutPreReview,
    ],
    ['saved', t('express.daysSaved'), saved],
    ['approved', t('express.approvedOnCommitment'), c?.approvedOnCommitment],
    ['passed', t('express.checksPassed'), c?.checksPassed],
    ['revoked', t('express.revoked'), c?.revoked],
  ];
  return (
    <Card size="small" title={<h3 style={{ fontSize: 15, margin: 0 }}>{t('express.title')}</h3>}>
      <Row gutter={[16, 16]}>
        {figures.map(([key, title, value]) => (
          <Col key={key} xs={12} sm={8} xl={4}>
            <Statistic title={title} value={value ?? '—'} />
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {t('express.handoverHint')}
      </Typography.Paragraph>
    </Card>
  );
}
