import { DeleteOutlined, DownloadOutlined, EyeOutlined, FileOutlined } from '@ant-design/icons';
import { Button, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../api/materials';
import type { MaterialFile } from '../../api/types';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { formatBytes, formatInstant } from '../format';
import { useNames } from '../names';
import { useTones } from '../tones';
import { FilePreview, previewable } from './FilePreview';

/**
 * A material's files, one group a round, the current round first: what was handed in when, by
 * whom, each to preview or save, and — while the round is open — to take back.
 */
export function FileRounds({
  files,
  round,
  onRemove,
  removing,
}: {
  files: MaterialFile[];
  /** The material's current round. */
  round: number;
  /** Set while the applicant may take back files of the current round. */
  onRemove?: (f: MaterialFile) => void;
  removing?: boolean;
}) {
  const { t } = useTranslation();
  const tones = useTones();
  const names = useNames();
  const [open, setOpen] = useState<MaterialFile | null>(null);
  const [error, setError] = useState<unknown>(null);
  const rounds = [...new Set([round, ...files.map((f) => f.round)])].sort((a, b) => b - a);
  const by = (f: MaterialFile) =>
    f.onBehalfOf
      ? t('materials.onBehalf', {
          by: names.person(f.uploadedBy),
          org: names.organisationByCode(f.onBehalfOf),
        })
      : names.person(f.uploadedBy);
  return (
    <div style={{ marginTop: 8 }}>
      <ApiErrorAlert error={error} />
      {files.length === 0 && (
        <Typography.Text type="secondary">{t('materials.noFiles')}</Typography.Text>
      )}
      {rounds.map((r) => {
        const ofRound = files.filter((f) => f.round === r);
        if (ofRound.length === 0 && (r !== round || files.length === 0)) return null;
        return (
          <div key={r} style={{ marginBottom: 4 }}>
            <Typography.Text type={r === round ? undefined : 'secondary'} strong={r === round}>
              {rounds.length > 1 && r === round
                ? t('materials.roundNew', { n: r })
                : t('materials.round', { n: r })}
            </Typography.Text>
            {rounds.length > 1 && r === round && r > 1 && ofRound.length > 0 && (
              <Tag color={tones.info} style={{ marginInlineStart: 8 }}>
                {t('review.changed', { n: r })}
              </Tag>
            )}
            {ofRound.length === 0 ? (
              <div>
                <Typography.Text type="secondary">{t('materials.noFiles')}</Typography.Text>
              </div>
            ) : (
              <List
                size="small"
                dataSource={ofRound}
                renderItem={(f) => (
                  <List.Item
                    style={{ paddingInline: 0, flexWrap: 'wrap', gap: 4 }}
                    actions={[
                      previewable(f) && (
                        <Button
                          key="preview"
                          size="small"
                          icon={<EyeOutlined />}
                          aria-label={t('materials.previewFile', { name: f.filename })}
                          onClick={() => setOpen(f)}
                        >
                          {t('materials.preview')}
                        </Button>
                      ),
                      <Button
                        key="download"
                        size="small"
                        icon={<DownloadOutlined />}
                        aria-label={t('materials.downloadFile', { name: f.filename })}
                        onClick={() => {
                          setError(null);
                          downloadFile(f).catch(setError);
                        }}
                      >
                        {t('materials.download')}
                      </Button>,
                      onRemove && f.round === round && (
                        <Popconfirm
                          key="remove"
                          title={t('materials.removeConfirm')}
                          okText={t('common.confirm')}
                          cancelText={t('common.cancel')}
                          onConfirm={() => onRemove(f)}
                        >
                          <Button
                            size="small"
                            danger
                            loading={removing}
                            icon={<DeleteOutlined />}
                            aria-label={t('materials.removeFile', { name: f.filename })}
                          >
                            {t('materials.remove')}
                          </Button>
                        </Popconfirm>
                      ),
                    ].filter(Boolean)}
                  >
                    <Space size={4} wrap style={{ minWidth: 0 }}>
                      <FileOutlined />
                      <Typography.Text style={{ overflowWrap: 'anywhere' }}>
                        {f.filename}
                      </Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatBytes(f.size)} ·{' '}
                        {t('materials.uploaded', { by: by(f), at: formatInstant(f.uploadedAt) })}
                      </Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </div>
        );
      })}
      {open && <FilePreview file={open} onClose={() => setOpen(null)} />}
    </div>
  );
}
