import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CatalogueVersion,
  exportCatalogue,
  useCatalogueDiff,
  useCatalogueVersions,
  useRegions,
} from '../../api/catalogue';
import { saveBlob } from '../../api/download';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useTones } from '../../components/tones';
import { DiffView } from './catalogue/DiffView';
import { DraftItems } from './catalogue/DraftItems';
import { ImportCard } from './catalogue/ImportCard';
import { PublishModal } from './catalogue/PublishModal';
import { RegionsCard } from './catalogue/RegionsCard';

/**
 * A region's catalogue as versioned data: its versions (which is in force), importing a city's
 * file as a draft, the difference a draft makes against the version in force, and publishing.
 */
export function Component() {
  const { t } = useTranslation();
  const tones = useTones();
  const regions = useRegions();
  const [region, setRegion] = useState('CN');
  const versions = useCatalogueVersions(region);
  const [compared, setCompared] = useState<string>();
  const [publishing, setPublishing] = useState<CatalogueVersion | null>(null);
  const [viewing, setViewing] = useState<CatalogueVersion | null>(null);
  const inForce = versions.data?.inForce ?? undefined;
  const diff = useCatalogueDiff(inForce, compared);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 1200 }}>
      <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
        {t('catalogue.title')}
      </Typography.Title>
      <ApiErrorAlert error={regions.error ?? versions.error} />
      <label>
        {t('catalogue.region')}{' '}
        <Select
          aria-label={t('catalogue.region')}
          style={{ minWidth: 220 }}
          value={region}
          onChange={(r) => {
            setRegion(r);
            setCompared(undefined);
            setViewing(null);
          }}
          options={(regions.data?.items ?? []).map((r) => ({
            value: r.code,
            label: `${r.name}（${r.code}）`,
          }))}
        />
      </label>
      <Card
        size="small"
        title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('catalogue.versions')}</h2>}
        extra={t('catalogue.running', { count: versions.data?.runningProjects ?? 0 })}
      >
        <Table<CatalogueVersion>
          size="small"
          rowKey="id"
          loading={versions.isLoading}
          pagination={false}
          scroll={{ x: true }}
          dataSource={versions.data?.items ?? []}
          locale={{ emptyText: t('catalogue.noVersions') }}
          columns={[
            { title: t('catalogue.version'), dataIndex: 'version' },
            {
              title: t('catalogue.status'),
              render: (_: unknown, v) => (
                <>
                  <Tag color={v.status === 'DRAFT' ? tones.warn : undefined}>
                    {t(`catalogue.statusValue.${v.status}`)}
                  </Tag>
                  {v.inForce && <Tag color={tones.good}>{t('catalogue.inForce')}</Tag>}
                </>
              ),
            },
            { title: t('catalogue.effectiveFrom'), dataIndex: 'effectiveFrom' },
            { title: t('catalogue.createdBy'), dataIndex: 'createdBy' },
            {
              title: t('catalogue.actions'),
              render: (_: unknown, v) => (
                <Space wrap>
                  <Button size="small" onClick={() => setViewing(v)}>
                    {t('catalogue.viewItems')}
                  </Button>
                  <Button
                    size="small"
                    onClick={() =>
                      void exportCatalogue(v.id).then((b) => saveBlob(b, `${v.version}.json`))
                    }
                  >
                    {t('catalogue.export')}
                  </Button>
                  {inForce && v.id !== inForce && (
                    <Button size="small" onClick={() => setCompared(v.id)}>
                      {t('catalogue.compare')}
                    </Button>
                  )}
                  {v.status === 'DRAFT' && (
                    <Button size="small" type="primary" onClick={() => setPublishing(v)}>
                      {t('catalogue.publish')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {viewing && <DraftItems id={viewing.id} draft={viewing.status === 'DRAFT'} />}
      {compared && (
        <Card
          size="small"
          title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('catalogue.diff')}</h2>}
        >
          <ApiErrorAlert error={diff.error} />
          <DiffView diff={diff.data} />
        </Card>
      )}
      <ImportCard
        onImported={(id, r) => {
          setRegion(r);
          setCompared(id);
        }}
      />
      <RegionsCard regions={regions.data?.items ?? []} />
      <PublishModal
        version={publishing}
        running={versions.data?.runningProjects ?? 0}
        onClose={() => setPublishing(null)}
      />
    </Space>
  );
}
