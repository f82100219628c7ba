import { Button, Card, Form, Input, List, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { idempotencyKey } from '../../api/client';
import { useMaterials, useRequirements, useReviewMaterial } from '../../api/materials';
import type { ProjectMaterial, Report, RequirementMaterial } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DocumentModal } from '../../components/DocumentModal';
import { MaterialBlock } from '../../components/materials/MaterialBlock';
import { useLocalName } from '../../components/materials/MaterialTags';
import { toHandIn } from '../../components/materials/rules';

/** The officer says what to correct in one material; the verdict is sent with that reason. */
function CorrectionForm({
  material,
  busy,
  onSend,
  onCancel,
}: {
  material: string;
  busy: boolean;
  onSend: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Form
      layout="vertical"
      style={{ marginTop: 8 }}
      onFinish={(v: { reason: string }) => onSend(v.reason.trim())}
    >
      <Form.Item
        name="reason"
        label={`${t('review.correctReason')} · ${material}`}
        rules={[{ required: true, whitespace: true, message: t('review.correctReasonRequired') }]}
      >
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Space>
        <Button danger htmlType="submit" loading={busy}>
          {t('common.confirm')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}

/**
 * The item's materials for its reviewing officer: each with its files by round (the newest
 * round marked, so a supplement's changes show), a preview in the page, and a verdict — accepted,
 * or needs correction with what to correct — while the item is under review.
 */
export function ItemMaterialsCard({
  report,
  taskId,
  itemCode,
  itemStatus,
}: {
  report: Report;
  taskId: string;
  itemCode: string;
  itemStatus: string;
}) {
  const { t } = useTranslation();
  const name = useLocalName();
  const list = useMaterials(report.id);
  const reqs = useRequirements(report.id);
  const review = useReviewMaterial(report.id, taskId);
  const [correcting, setCorrecting] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const item = list.data?.items.find((i) => i.code === itemCode);
  const requirement = new Map<string, RequirementMaterial>(
    (reqs.data?.stages ?? [])
      .flatMap((s) => s.items)
      .filter((i) => i.code === itemCode)
      .flatMap((i) => i.materials.map((m) => [m.code, m] as const)),
  );
  const items = report.stages.flatMap((s) => s.themes.flatMap((th) => th.items));
  const itemName = (code: string) => {
    const i = items.find((x) => x.code === code);
    return i ? name(i) : code;
  };
  const judging = itemStatus === 'UNDER_REVIEW';
  const promise = items
    .find((i) => i.code === itemCode)
    ?.deficiencies.find((d) => d.status !== 'DELIVERED');
  const judgeable = (m: ProjectMaterial) => m.files.some((f) => f.round === m.round);
  const judge = (m: ProjectMaterial, verdict: 'ACCEPTED' | 'NEEDS_CORRECTION', reason?: string) =>
    review.mutate(
      { material: m.code, verdict: { verdict, reason }, key: idempotencyKey() },
      { onSuccess: () => setCorrecting(null) },
    );
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('review.title')}</h2>}
    >
      <Typography.Paragraph type="secondary">
        {judging ? t('review.hint') : t('review.notNow')}
      </Typography.Paragraph>
      <ApiErrorAlert error={list.error ?? review.error} />
      {!item ? (
        !list.error && <Skeleton active />
      ) : (
        <List
          dataSource={item.materials}
          locale={{ emptyText: t('materials.nothingToHandIn') }}
          renderItem={(m) => (
            <List.Item key={m.code} style={{ paddingInline: 0 }}>
              <MaterialBlock
                m={m}
                requirement={requirement.get(m.code)}
                itemName={itemName}
                promisedBy={promise && toHandIn(m) ? promise.dueDate : undefined}
                onOpenResult={m.result ? () => setResult(m.result!.itemCode) : undefined}
                extra={
                  judging &&
                  judgeable(m) && (
                    <Space size={4}>
                      <Button
                        size="small"
                        type={m.status === 'ACCEPTED' ? 'primary' : 'default'}
                        aria-label={t('review.acceptOf', { material: name(m) })}
                        loading={review.isPending && review.variables?.material === m.code}
                        onClick={() => judge(m, 'ACCEPTED')}
                      >
                        {t('review.accept')}
                      </Button>
                      <Button
                        size="small"
                        danger
                        aria-label={t('review.correctOf', { material: name(m) })}
                        onClick={() => setCorrecting(m.code)}
                      >
                        {t('review.correct')}
                      </Button>
                    </Space>
                  )
                }
              >
                {correcting === m.code && (
                  <CorrectionForm
                    material={name(m)}
                    busy={review.isPending}
                    onSend={(reason) => judge(m, 'NEEDS_CORRECTION', reason)}
                    onCancel={() => setCorrecting(null)}
                  />
                )}
              </MaterialBlock>
            </List.Item>
          )}
        />
      )}
      {result && (
        <DocumentModal
          projectId={report.id}
          doc={{ kind: 'result', itemCode: result }}
          title={t('documents.resultOf', { item: itemName(result) })}
          onClose={() => setResult(null)}
        />
      )}
    </Card>
  );
}
