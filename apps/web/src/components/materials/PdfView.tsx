import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Typography, theme } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../Loading';
import type { PdfDocument } from './pdf-engine';

/**
 * A PDF drawn by PDF.js on a canvas, one page at a time, as wide as its box: the officer reads
 * the file in the page, whatever the browser's own PDF viewer would do with a download.
 */
export function PdfView({ data, name }: { data: Blob; name: string }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const canvas = useRef<HTMLCanvasElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const [doc, setDoc] = useState<PdfDocument | null>(null);
  const [page, setPage] = useState(1);
  const [failed, setFailed] = useState(false);
  const [drawn, setDrawn] = useState(0);

  useEffect(() => {
    let gone = false;
    let opened: PdfDocument | null = null;
    void (async () => {
      try {
        const { openPdf } = await import('./pdf-engine');
        opened = await openPdf(await data.arrayBuffer());
        if (gone) void opened.destroy();
        else setDoc(opened);
      } catch {
        if (!gone) setFailed(true);
      }
    })();
    return () => {
      gone = true;
      void opened?.destroy();
    };
  }, [data]);

  useEffect(() => {
    if (!doc || !canvas.current) return;
    let task: { cancel: () => void; promise: Promise<void> } | null = null;
    let gone = false;
    void (async () => {
      const p = await doc.getPage(page);
      if (gone || !canvas.current) return;
      const width = box.current?.clientWidth || 600;
      const base = p.getViewport({ scale: 1 });
      const ratio = window.devicePixelRatio || 1;
      const viewport = p.getViewport({ scale: (width / base.width) * ratio });
      const c = canvas.current;
      c.width = Math.floor(viewport.width);
      c.height = Math.floor(viewport.height);
      c.style.width = `${Math.floor(viewport.width / ratio)}px`;
      c.style.height = `${Math.floor(viewport.height / ratio)}px`;
      task = p.render({ canvas: c, viewport });
      await task.promise.then(
        () => !gone && setDrawn((n) => n + 1),
        () => undefined, // cancelled by the next page or the dialog closing
      );
    })();
    return () => {
      gone = true;
      task?.cancel();
    };
  }, [doc, page]);

  if (failed) return <Alert type="warning" showIcon message={t('preview.failed')} />;
  const pages = doc?.numPages ?? 0;
  return (
    <div ref={box} style={{ width: '100%' }}>
      {!doc && <Loading />}
      {pages > 1 && (
        <Space style={{ marginBottom: 8 }}>
          <Button
            icon={<LeftOutlined />}
            aria-label={t('preview.prev')}
            disabled={page <= 1}
            onClick={() => setPage((n) => n - 1)}
          />
          <Typography.Text>{t('preview.page', { n: page, of: pages })}</Typography.Text>
          <Button
            icon={<RightOutlined />}
            aria-label={t('preview.next')}
            disabled={page >= pages}
            onClick={() => setPage((n) => n + 1)}
          />
        </Space>
      )}
      <canvas
        ref={canvas}
        role="img"
        aria-label={t('preview.pdfCanvas', { n: page, name })}
        data-rendered={drawn > 0 ? 'true' : 'false'}
        style={{
          display: doc ? 'block' : 'none',
          maxWidth: '100%',
          border: `1px solid ${token.colorBorderSecondary}`,
        }}
      />
    </div>
  );
}
