import { Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A spinner that says what it waits for. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <Space>
      <Spin />
      <Typography.Text type="secondary">{t('preview.loading')}</Typography.Text>
    </Space>
  );
}
