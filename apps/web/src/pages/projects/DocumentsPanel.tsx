import { FileTextOutlined } from '@ant-design/icons';
import { Button, Card, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentRef as Doc, Report } from '../../api/types';
import { DocumentModal, DownloadButton } from '../../components/DocumentModal';

/** The receipt of every accepted stage and the result of every approved item, to view or save. */
export function DocumentsPanel({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<{ doc: Doc; title: string } | null>(null);
  const en = i18n.language === 'en';
  const rows: { key: string; doc: Doc; title: string; date: string }[] = [
    ...report.stages
      .filter((s) => s.acceptedOn)
      .map((s) => ({
        key: `receipt:${s.code}`,
        doc: { kind: 'receipt' as const, stage: s.code },
        title: t('documents.receiptOf', { stage: t(`stage.${s.code}`) }),
        date: s.acceptedOn ?? '',
      })),
    ...report.stages
      .flatMap((s) => s.themes.flatMap((th) => th.items))
      .filter((i) => i.status === 'APPROVED')
      .map((i) => ({
        key: `result:${i.code}`,
        doc: { kind: 'result' as const, itemCode: i.code },
        title: t('documents.resultOf', { item: en ? i.nameEn : i.name }),
        date: i.decidedOn ?? '',
      })),
  ];
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('documents.title')}</h2>} size="small">
      <Typography.Paragraph type="secondary">{t('documents.hint')}</Typography.Paragraph>
      <List
        dataSource={rows}
        locale={{ emptyText: t('documents.empty') }}
        renderItem={(row) => (
          <List.Item
            actions={[
              <Button
                key="view"
                size="small"
                icon={<FileTextOutlined />}
                aria-label={`${t('documents.view')}: ${row.title}`}
                onClick={() => setOpen({ doc: row.doc, title: row.title })}
              >
                {t('documents.view')}
              </Button>,
              <DownloadButton key="pdf" projectId={report.id} doc={row.doc} label={row.title} />,
            ]}
          >
            <List.Item.Meta title={row.title} description={row.date} />
          </List.Item>
        )}
      />
      {open && (
        <DocumentModal
          projectId={report.id}
          doc={open.doc}
          title={open.title}
          onClose={() => setOpen(null)}
        />
      )}
    </Card>
  );
}
