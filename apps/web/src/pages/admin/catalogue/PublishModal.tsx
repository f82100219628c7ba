import { DatePicker, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CatalogueVersion, usePublishCatalogue } from '../../../api/catalogue';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';

/**
 * Publishing a draft from a date, after saying what it does: new projects of the region take it
 * from that date; the running ones keep the version they started with.
 */
export function PublishModal({
  version,
  running,
  onClose,
}: {
  version: CatalogueVersion | null;
  running: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [day, setDay] = useState<Dayjs>(dayjs());
  const publish = usePublishCatalogue();
  return (
    <Modal
      open={version !== null}
      title={t('catalogue.publishTitle', { version: version?.version })}
      okText={t('catalogue.publishConfirm')}
      cancelText={t('common.cancel')}
      confirmLoading={publish.isPending}
      onCancel={() => {
        publish.reset();
        onClose();
      }}
      onOk={() =>
        version &&
        publish.mutate(
          { id: version.id, effectiveFrom: day.format('YYYY-MM-DD') },
          { onSuccess: onClose },
        )
      }
      destroyOnHidden
    >
      <Typography.Paragraph>
        <label>
          {t('catalogue.effectiveFrom')}{' '}
          <DatePicker value={day} allowClear={false} onChange={(d) => d && setDay(d)} />
        </label>
      </Typography.Paragraph>
      <Typography.Paragraph strong>
        {t('catalogue.publishKeeps', { count: running })}
      </Typography.Paragraph>
      <ApiErrorAlert error={publish.error} />
    </Modal>
  );
}
