import { Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { useCatalogueDocument, useEditCatalogueItem } from '../../../api/catalogue';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { ItemEditModal } from './ItemEditModal';
import { ItemsTable } from './ItemsTable';
import { PoliciesTable } from './PoliciesTable';
import { type CatalogueDoc, placeIssues } from './document';

/** A stored version's items; a draft's are edited in a form, each change validated by the API. */
export function DraftItems({ id, draft }: { id: string; draft: boolean }) {
  const { t } = useTranslation();
  const document = useCatalogueDocument(id);
  const edit = useEditCatalogueItem();
  const [editing, setEditing] = useState<number | null>(null);
  const doc = document.data as CatalogueDoc | undefined;
  const refused = edit.error instanceof ApiError && edit.error.status === 400 ? edit.error : null;
  const { byItem } = placeIssues(refused?.messages ?? []);
  const item = editing === null ? null : (doc?.items?.[editing] ?? null);
  return (
    <Card
      size="small"
      title={
        <h2 style={{ fontSize: 16, margin: 0 }}>
          {t('catalogue.itemsOf', { version: doc?.version })}
        </h2>
      }
    >
      <ApiErrorAlert error={document.error ?? (refused ? null : edit.error)} />
      {doc && (
        <>
          <ItemsTable doc={doc} problems={new Map()} onEdit={draft ? setEditing : undefined} />
          <PoliciesTable doc={doc} />
          <ItemEditModal
            doc={doc}
            item={item}
            problems={editing === null ? [] : (byItem.get(editing) ?? [])}
            saving={edit.isPending}
            onClose={() => {
              edit.reset();
              setEditing(null);
            }}
            onSave={(changed) =>
              item?.code &&
              edit.mutate(
                { id, code: item.code, item: changed as Record<string, unknown> },
                { onSuccess: () => setEditing(null) },
              )
            }
          />
        </>
      )}
    </Card>
  );
}
