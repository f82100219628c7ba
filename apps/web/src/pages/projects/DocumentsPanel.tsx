import { DownloadOutlined, FileTextOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, List, Modal, Skeleton, Space, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ItemResult, type Receipt, downloadDocument, useDocument } from '../../api/documents';
import type { DocumentRef as Doc, Report } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ItemTable } from '../../components/DataTable';
import { useDepartments } from '../../api/catalog';

function DownloadButton({ projectId, doc, label }: { projectId: string; doc: Doc; label: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <Button
        size="small"
        icon={<DownloadOutlined />}
        loading={busy}
        aria-label={`${t('documents.download')}: ${label}`}
        onClick={() => {
          setBusy(true);
          setError(null);
          downloadDocument(projectId, doc)
            .catch(setError)
            .finally(() => setBusy(false));
        }}
      >
        {t('documents.download')}
      </Button>
      {error ? <ApiErrorAlert error={error} /> : null}
    </>
  );
}

/** A document's facts, one a line. */
const Facts = ({ items }: { items: [string, ReactNode][] }) => (
  <Descriptions
    size="small"
    column={1}
    items={items.map(([label, children]) => ({ key: label, label, children }))}
  />
);

/** A receipt (its items and their promised limits) or an item's result, as the PDF has it. */
function DocumentView({ r }: { r: Receipt | ItemResult }) {
  const { t } = useTranslation();
  const depts = useDepartments();
  if (!('stage' in r))
    return (
      <Facts
        items={[
          [t('documents.number'), r.number],
          [t('documents.item'), r.itemName],
          [t('documents.department'), depts.name(r.departmentCode)],
          [t('documents.outcome'), t('documents.approved')],
          [t('documents.decidedOn'), r.decidedOn],
          [t('documents.officer'), r.officer],
        ]}
      />
    );
  return (
    <>
      <Facts
        items={[
          [t('documents.number'), r.number],
          [t('projects.stage'), t(`stage.${r.stage}`)],
          [t('documents.acceptedOn'), r.acceptedOn],
          [t('documents.projectLimit'), t('documents.limitDays', { n: r.projectLimitDays })],
        ]}
      />
      <ItemTable
        dataSource={r.items}
        columns={[
          { title: t('documents.item'), dataIndex: 'name' },
          {
            title: t('documents.department'),
            dataIndex: 'departmentCode',
            render: (d: string) => depts.name(d),
          },
          { title: t('documents.promised'), dataIndex: 'limitDays' },
          {
            title: t('documents.due'),
            dataIndex: 'dueDate',
            render: (d: string | null) => d ?? t('documents.afterPrerequisites'),
          },
        ]}
      />
    </>
  );
}

function DocumentModal({
  projectId,
  doc,
  title,
  onClose,
}: {
  projectId: string;
  doc: Doc;
  title: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const q = useDocument(projectId, doc);
  return (
    <Modal
      open
      title={title}
      width={760}
      onCancel={onClose}
      footer={
        <Space>
          <DownloadButton projectId={projectId} doc={doc} label={title} />
          <Button onClick={onClose}>{t('documents.close')}</Button>
        </Space>
      }
    >
      <ApiErrorAlert error={q.error} />
      {q.data ? <DocumentView r={q.data} /> : !q.error && <Skeleton active />}
    </Modal>
  );
}

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
