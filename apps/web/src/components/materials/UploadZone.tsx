import { CameraOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Grid, Progress, Space, Typography, Upload } from 'antd';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, idempotencyKey } from '../../api/client';
import { projectKeys } from '../../api/keys';
import { type UploadTarget, uploadMaterialFile } from '../../api/upload';

/** What the API takes (it reads the type from the content; this only narrows the picker). */
const ACCEPT = '.pdf,.ofd,.jpg,.jpeg,.png,.dwg,.dxf,.zip,application/pdf,image/jpeg,image/png';

interface Sending {
  uid: string;
  file: File;
  /** Kept for a retry: the same file under the same key is stored once. */
  key: string;
  percent: number;
  state: 'sending' | 'done' | 'failed';
  error?: unknown;
}

/** The API's refusal of an upload, in the reader's language. */
export function uploadRefusal(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('upload.network');
  const said = error.messages.join('; ');
  switch (error.status) {
    case 413:
      return t('upload.tooLarge', { mb: /(\d+) MB/.exec(said)?.[1] ?? '200' });
    case 415:
      return t('upload.badType');
    case 409:
      return t('upload.closed');
    case 404:
      return t('upload.notFound');
    case 503:
      return t('upload.unavailable');
    case 400:
      return /empty/.test(said) ? t('upload.empty') : `${t('error.invalid')}: ${said}`;
    default:
      return t('upload.generic', { status: error.status });
  }
}

/**
 * Upload for one material: drop files or pick them (on a phone also the camera), each sent with
 * its own Idempotency-Key and shown with its progress; a refusal is said in words with a retry.
 */
export function UploadZone({ target, label }: { target: UploadTarget; label: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const phone = !Grid.useBreakpoint().md;
  const [sending, setSending] = useState<Sending[]>([]);
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );
  const update = useCallback((uid: string, change: Partial<Sending>) => {
    if (alive.current)
      setSending((all) => all.map((s) => (s.uid === uid ? { ...s, ...change } : s)));
  }, []);

  const send = useCallback(
    (s: Sending) => {
      update(s.uid, { state: 'sending', percent: 0, error: undefined });
      uploadMaterialFile(target, s.file, {
        key: s.key,
        onProgress: (percent) => update(s.uid, { percent }),
      }).then(
        () => {
          update(s.uid, { state: 'done', percent: 100 });
          void qc.invalidateQueries({ queryKey: projectKeys.detail(target.projectId) });
          // The file now shows in its round; the finished bar goes after a moment.
          setTimeout(() => {
            if (alive.current) setSending((all) => all.filter((x) => x.uid !== s.uid));
          }, 2500);
        },
        (error: unknown) => update(s.uid, { state: 'failed', error }),
      );
    },
    [qc, target, update],
  );

  const start = (file: File) => {
    const s: Sending = {
      uid: `${Date.now()}-${Math.random()}`,
      file,
      key: idempotencyKey(),
      percent: 0,
      state: 'sending',
    };
    setSending((all) => [...all, s]);
    send(s);
    return false; // sent here, not by the Upload component
  };

  return (
    <section aria-label={label}>
      <Upload.Dragger
        multiple
        accept={ACCEPT}
        fileList={[]}
        showUploadList={false}
        beforeUpload={start}
      >
        <p style={{ margin: 0 }}>
          <InboxOutlined style={{ fontSize: 28 }} />
        </p>
        <Typography.Text>{t('upload.drop')}</Typography.Text>
        <br />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('upload.types')}
        </Typography.Text>
      </Upload.Dragger>
      {phone && (
        <Upload
          accept="image/*"
          capture="environment"
          fileList={[]}
          showUploadList={false}
          beforeUpload={start}
        >
          <Button icon={<CameraOutlined />} style={{ marginTop: 8 }}>
            {t('upload.camera')}
          </Button>
        </Upload>
      )}
      {sending.map((s) => (
        <div key={s.uid} style={{ marginTop: 8 }}>
          <Typography.Text style={{ overflowWrap: 'anywhere' }}>{s.file.name}</Typography.Text>
          <Progress
            percent={s.percent}
            size="small"
            status={s.state === 'failed' ? 'exception' : s.state === 'done' ? 'success' : 'active'}
            aria-label={t('upload.progress', { name: s.file.name })}
          />
          {s.state === 'failed' && (
            <Alert
              type="error"
              showIcon
              role="alert"
              message={uploadRefusal(t, s.error)}
              action={
                <Space direction="vertical" size={4}>
                  {!(s.error instanceof ApiError && [409, 413, 415].includes(s.error.status)) && (
                    <Button size="small" onClick={() => send(s)}>
                      {t('upload.retry')}
                    </Button>
                  )}
                  <Button
                    size="small"
                    type="text"
                    onClick={() => setSending((all) => all.filter((x) => x.uid !== s.uid))}
                  >
                    {t('upload.dismiss')}
                  </Button>
                </Space>
              }
            />
          )}
        </div>
      ))}
    </section>
  );
}
