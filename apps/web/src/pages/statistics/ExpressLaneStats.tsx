/**
 * Issue 27's figures on the statistics page: the handover between stages with and without
 * pre-review (预审: the working days saved), and approvals on commitment (告知承诺制) with their
 * follow-up checks.
 */
import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Statistics } from '../../api/statistics';

export function ExpressLaneStats({ data }: { data?: Statistics }) {
  const { t } = useTranslation();
  const h = data?.handover;
  const c = data?.commitments;
  const days = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card
          size="small"
          title={<h3 style={{ fontSize: 15, margin: 0 }}>{t('express.handover')}</h3>}
        >
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'pre',
                label: t('express.withPreReview', { count: h?.withPreReviewCount ?? 0 }),
                children: days(h?.withPreReview),
              },
              {
                key: 'plain',
                label: t('express.withoutPreReview', { count: h?.withoutPreReviewCount ?? 0 }),
                children: days(h?.withoutPreReview),
              },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('express.handoverHint')}
          </Typography.Paragraph>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card
          size="small"
          title={<h3 style={{ fontSize: 15, margin: 0 }}>{t('express.commitments')}</h3>}
        >
          <Descriptions
            size="small"
            column={1}
            items={(['approvedOnCommitment', 'checksPassed', 'revoked'] as const).map((k) => ({
              key: k,
              label: t(`express.${k}`),
              children: c?.[k] ?? '—',
            }))}
          />
        </Card>
      </Col>
    </Row>
  );
}
