import { FilePdfOutlined } from '@ant-design/icons';
import { Alert, Card, Collapse, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  downloadRequirements,
  useDetachFile,
  useMaterials,
  useRequirements,
} from '../../api/materials';
import type { ItemMaterials, ItemReport, Report, RequirementMaterial } from '../../api/types';
import { useSession } from '../../auth/useSession';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { SaveButton } from '../../components/SaveButton';
import { DocumentModal } from '../../components/DocumentModal';
import { MaterialBlock } from '../../components/materials/MaterialBlock';
import { useLocalName } from '../../components/materials/MaterialTags';
import { UploadZone, uploadRefusal } from '../../components/materials/UploadZone';
import { byApplicant, handInCount, toHandIn, uploadOpen } from '../../components/materials/rules';
import { StatusTag } from '../../components/RiskTag';
import { useTones } from '../../components/tones';

/** The 一次性告知书 of the project as the API prints it. */
export function RequirementsPdfButton({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  return (
    <SaveButton icon={<FilePdfOutlined />} save={() => downloadRequirements(projectId)}>
      {t('materials.requirementsPdf')}
    </SaveButton>
  );
}

/**
 * Every item's materials, the current stage first: status, why, who provides it, paper copies
 * and acceptance standard, the files of each round; the applicant (or agent) uploads and takes
 * back files while the round is open.
 */
export function MaterialsPanel({ report }: { report: Report }) {
  const { t } = useTranslation();
  const tones = useTones();
  const name = useLocalName();
  const role = useSession()?.role;
  const hands = role === 'APPLICANT' || role === 'AGENT';
  const list = useMaterials(report.id);
  const reqs = useRequirements(report.id);
  const detach = useDetachFile(report.id);
  const [result, setResult] = useState<{ itemCode: string; title: string } | null>(null);
  const items = report.stages.flatMap((s) => s.themes.flatMap((th) => th.items));
  const itemOf = (code: string) => items.find((i) => i.code === code);
  const itemName = (code: string) => {
    const i = itemOf(code);
    return i ? name(i) : code;
  };
  const requirement = new Map<string, RequirementMaterial>(
    (reqs.data?.stages ?? []).flatMap((s) =>
      s.items.flatMap((i) => i.materials.map((m) => [`${i.code}/${m.code}`, m] as const)),
    ),
  );
  const stageStatus = (code: string) => report.stages.find((s) => s.code === code)?.status;
  const stages = [
    ...report.stages.filter((s) => s.code === report.stage),
    ...report.stages.filter((s) => s.code !== report.stage),
  ];

  const itemPanel = (im: ItemMaterials, ir: ItemReport) => {
    const open = ir.deficiencies.find((d) => d.status !== 'DELIVERED');
    const accepted = !['PENDING', 'SUBMITTED'].includes(ir.status);
    return (
      <List
        dataSource={im.materials}
        locale={{ emptyText: t('materials.nothingToHandIn') }}
        renderItem={(m) => {
          const canUpload = hands && byApplicant(m) && uploadOpen(stageStatus(im.stage), ir, m);
          return (
            <List.Item key={m.code} style={{ paddingInline: 0 }}>
              <MaterialBlock
                m={m}
                requirement={requirement.get(`${im.code}/${m.code}`)}
                itemName={itemName}
                promisedBy={open && accepted && toHandIn(m) ? open.dueDate : undefined}
                onOpenResult={
                  m.result
                    ? () =>
                        setResult({
                          itemCode: m.result!.itemCode,
                          title: t('documents.resultOf', { item: itemName(m.result!.itemCode) }),
                        })
                    : undefined
                }
                onRemoveFile={canUpload ? (f) => detach.mutate(f) : undefined}
                removing={detach.isPending}
              >
                {canUpload && (
                  <UploadZone
                    target={{ projectId: report.id, itemCode: im.code, material: m.code }}
                    label={t('upload.dropFor', { material: `${name(im)} · ${name(m)}` })}
                  />
                )}
              </MaterialBlock>
            </List.Item>
          );
        }}
      />
    );
  };

  const body = () => {
    if (!list.data) return list.error ? null : <Skeleton active />;
    const byCode = new Map(list.data.items.map((i) => [i.code, i]));
    return stages.map((s) => {
      const its = s.themes
        .flatMap((th) => th.items)
        .map((ir) => ({ ir, im: byCode.get(ir.code) }))
        .filter((x): x is { ir: ItemReport; im: ItemMaterials } => !!x.im);
      if (!its.length) return null;
      const counts = its.map((x) => handInCount(x.im));
      const total = counts.reduce((a, c) => a + c.total, 0);
      const missing = counts.reduce((a, c) => a + c.missing, 0);
      return (
        <section key={s.code} style={{ marginBottom: 16 }}>
          <Space wrap size={4} style={{ marginBottom: 8 }}>
            <h3 style={{ fontSize: 15, margin: 0 }}>{t(`stage.${s.code}`)}</h3>
            {s.code === report.stage && <Tag>{t('materials.currentStage')}</Tag>}
            <Typography.Text type="secondary">
              {t('materials.handedIn', { done: total - missing, total })}
            </Typography.Text>
          </Space>
          <Collapse
            size="small"
            defaultActiveKey={
              s.code === report.stage
                ? its.filter((_, n) => counts[n].missing > 0).map((x) => x.ir.code)
                : []
            }
            items={its.map(({ ir, im }, n) => ({
              key: ir.code,
              label: (
                <Space wrap size={4}>
                  <Typography.Text>{name(ir)}</Typography.Text>
                  <StatusTag status={ir.status} />
                  {counts[n].total > 0 && (
                    <Tag color={counts[n].missing ? tones.warn : tones.good}>
                      {counts[n].missing
                        ? t('materials.missingN', { n: counts[n].missing })
                        : t('materials.complete')}
                    </Tag>
                  )}
                </Space>
              ),
              children: itemPanel(im, ir),
            }))}
          />
        </section>
      );
    });
  };

  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('materials.title')}</h2>}>
      <Typography.Paragraph type="secondary">{t('materials.hint')}</Typography.Paragraph>
      <div style={{ marginBottom: 12 }}>
        <RequirementsPdfButton projectId={report.id} />
      </div>
      <ApiErrorAlert error={list.error} />
      {detach.error ? (
        <Alert type="error" showIcon role="alert" message={uploadRefusal(t, detach.error)} />
      ) : null}
      {body()}
      {result && (
        <DocumentModal
          projectId={report.id}
          doc={{ kind: 'result', itemCode: result.itemCode }}
          title={result.title}
          onClose={() => setResult(null)}
        />
      )}
    </Card>
  );
}
