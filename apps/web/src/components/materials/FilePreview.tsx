import { Alert, Button, Modal, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile, useFileBytes } from '../../api/materials';
import type { MaterialFile } from '../../api/types';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { Loading } from '../Loading';
import { SaveButton } from '../SaveButton';
import { PdfView } from './PdfView';

/** A blob as a `data:` URL: the Content-Security-Policy lets images come from there, not blob:. */
function useDataUrl(blob: Blob | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob) return;
    const reader = new FileReader();
    reader.onload = () => setUrl(reader.result as string); // readAsDataURL: a string
    reader.readAsDataURL(blob);
    return () => reader.abort();
  }, [blob]);
  return url;
}

function ImageView({ blob, name }: { blob: Blob; name: string }) {
  const { t } = useTranslation();
  const url = useDataUrl(blob);
  return url ? (
    <img
      src={url}
      alt={t('preview.image', { name })}
      style={{ maxWidth: '100%', display: 'block', margin: '0 auto' }}
    />
  ) : (
    <Loading />
  );
}

const isPdf = (type: string) => type === 'application/pdf';
const isImage = (type: string) => type === 'image/png' || type === 'image/jpeg';
/** Whether the page can show the file itself (else: a download). */
export const previewable = (f: Pick<MaterialFile, 'contentType'>) =>
  isPdf(f.contentType) || isImage(f.contentType);

/** A handed-in file in the page: a PDF on PDF.js's canvas, an image inline, else a download. */
export function FilePreview({ file, onClose }: { file: MaterialFile; onClose: () => void }) {
  const { t } = useTranslation();
  const bytes = useFileBytes(file.id);
  return (
    <Modal
      open
      title={file.filename}
      width={900}
      onCancel={onClose}
      footer={
        <Space>
          <SaveButton
            save={() => downloadFile(file)}
            aria-label={t('materials.downloadFile', { name: file.filename })}
          >
            {t('materials.download')}
          </SaveButton>
          <Button onClick={onClose}>{t('preview.close')}</Button>
        </Space>
      }
    >
      <ApiErrorAlert error={bytes.error} />
      {!previewable(file) ? (
        <Alert
          role="note"
          type="info"
          showIcon
          message={t('preview.notPreviewable', { type: file.contentType })}
        />
      ) : !bytes.data ? (
        !bytes.error && <Loading />
      ) : isPdf(file.contentType) ? (
        <PdfView data={bytes.data} name={file.filename} />
      ) : (
        <ImageView blob={bytes.data} name={file.filename} />
      )}
    </Modal>
  );
}
