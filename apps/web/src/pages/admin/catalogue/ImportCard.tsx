import { Alert, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { useImportCatalogue } from '../../../api/catalogue';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { ItemEditModal } from './ItemEditModal';
import { ItemsTable } from './ItemsTable';
import { type CatalogueDoc, parseDocument, placeIssues } from './document';

/**
 * Importing a catalogue file: the page reads it and shows its items at once; the API validates
 * it, and each problem it names is shown beside its item (the others above the table).
 */
export function ImportCard({ onImported }: { onImported: (id: string, region: string) => void }) {
  const { t } = useTranslation();
  const [doc, setDoc] = useState<CatalogueDoc | null>(null);
  const [fileName, setFileName] = useState('');
  const [unreadable, setUnreadable] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);
  /** Items corrected in the form since the API's answer: their problems are no longer shown. */
  const [fixed, setFixed] = useState<ReadonlySet<number>>(new Set());
  const save = useImportCatalogue();
  const refused = save.error instanceof ApiError && save.error.status === 400 ? save.error : null;
  const placed = placeIssues(refused?.messages ?? []);
  const byItem = new Map([...placed.byItem].filter(([i]) => !fixed.has(i)));
  const rest = placed.rest;
  const open = rest.length + [...byItem.values()].reduce((n, l) => n + l.length, 0);

  const read = async (file: File | undefined) => {
    save.reset();
    setFixed(new Set());
    if (!file) return;
    setFileName(file.name);
    const parsed = parseDocument(await file.text());
    setUnreadable(!parsed);
    setDoc(parsed ?? null);
  };

  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('catalogue.import')}</h2>}>
      <Typography.Paragraph type="secondary">{t('catalogue.importHint')}</Typography.Paragraph>
      <Space direction="vertical" style={{ width: '100%' }}>
        <label>
          {t('catalogue.file')}{' '}
          <input
            type="file"
            accept="application/json,.json"
            onChange={(e) => void read(e.target.files?.[0])}
          />
        </label>
        {unreadable && (
          <Alert type="error" showIcon message={t('catalogue.unreadable', { fileName })} />
        )}
        {doc && (
          <>
            <Typography.Text>
              {t('catalogue.fileSummary', {
                version: doc.version ?? '—',
                region: doc.region ?? '—',
                items: doc.items?.length ?? 0,
              })}
            </Typography.Text>
            {refused && open > 0 && (
              <Alert
                type="error"
                showIcon
                message={t('catalogue.invalid', { count: open })}
                description={
                  rest.length ? (
                    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                      {rest.map((m) => (
                        <li key={m}>{m}</li>
                      ))}
                    </ul>
                  ) : undefined
                }
              />
            )}
            {!refused && <ApiErrorAlert error={save.error} />}
            <ItemsTable doc={doc} problems={byItem} onEdit={setEditing} />
            <ItemEditModal
              doc={doc}
              item={editing === null ? null : (doc.items?.[editing] ?? null)}
              problems={editing === null ? [] : (byItem.get(editing) ?? [])}
              onClose={() => setEditing(null)}
              onSave={(item) => {
                setDoc({ ...doc, items: doc.items?.map((x, i) => (i === editing ? item : x)) });
                setFixed(new Set([...fixed, editing!]));
                setEditing(null);
              }}
            />
            <Button
              type="primary"
              loading={save.isPending}
              onClick={() => {
                setFixed(new Set());
                save.mutate(doc as Record<string, unknown>, {
                  onSuccess: (v) => {
                    setDoc(null);
                    setFixed(new Set());
                    onImported(v.id, v.region);
                  },
                });
              }}
            >
              {t('catalogue.importSubmit')}
            </Button>
          </>
        )}
      </Space>
    </Card>
  );
}
