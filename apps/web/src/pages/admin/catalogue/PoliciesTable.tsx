import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CatalogueDoc, DocPolicy } from './document';

/**
 * A version's policies per project type, as its document says them: the total limit, the
 * warning, and the express lanes' switches (a pre-reviewed stage accepted at once; 一次受理 per
 * theme). They are set in the imported file.
 */
export function PoliciesTable({ doc }: { doc: CatalogueDoc }) {
  const { t } = useTranslation();
  const rows = Object.entries(doc.policies?.byType ?? {}).map(([type, p]) => ({ type, ...p }));
  const yes = (on?: boolean) => (on ? t('catalogue.on') : t('catalogue.off'));
  return (
    <>
      <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
        {t('catalogue.policies')}
      </Typography.Title>
      <Table<DocPolicy & { type: string }>
        size="small"
        rowKey="type"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('catalogue.projectType'),
            dataIndex: 'type',
            render: (x: string) => t(`type.${x}`, x),
          },
          {
            title: t('catalogue.limitDays'),
            dataIndex: 'limitDays',
            render: (n?: number) => (n === undefined ? '—' : t('clock.days', { n })),
          },
          {
            title: t('catalogue.preReviewAutoAccept'),
            dataIndex: 'preReviewAutoAccept',
            render: yes,
          },
          { title: t('catalogue.acceptPerTheme'), dataIndex: 'acceptPerTheme', render: yes },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('catalogue.policiesHint')}
      </Typography.Text>
    </>
  );
}
