/** A project's document — a stage's receipt or an item's result — to read, or save as a PDF. */
import { Button, Descriptions, Modal, Skeleton, Space } from 'antd';
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDepartments } from '../api/catalog';
import { type ItemResult, type Receipt, downloadDocument, useDocument } from '../api/documents';
import type { DocumentRef as Doc } from '../api/types';
import { ApiErrorAlert } from './ApiErrorAlert';
import { ItemTable } from './DataTable';
import { SaveButton } from './SaveButton';

export function DownloadButton({
  projectId,
  doc,
  label,
}: {
  projectId: string;
  doc: Doc;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <SaveButton
      size="small"
      aria-label={`${t('documents.download')}: ${label}`}
      save={() => downloadDocument(projectId, doc)}
    >
      {t('documents.download')}
    </SaveButton>
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
  const code: [string, string][] = r.projectCode
    ? [[t('masterData.projectCode'), r.projectCode]]
    : [];
  if (!('stage' in r))
    return (
      <Facts
        items={[
          [t('documents.number'), r.number],
          ...code,
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
          ...code,
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

export function DocumentModal({
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
