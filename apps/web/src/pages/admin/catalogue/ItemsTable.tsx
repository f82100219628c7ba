import { Button, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CatalogueDoc, DocItem } from './document';

interface Row {
  item: DocItem;
  index: number;
}

/**
 * A catalogue document's items: department (with its level), limits, prerequisites, materials,
 * and beside each item the problems the API found in it.
 */
export function ItemsTable({
  doc,
  problems,
  onEdit,
}: {
  doc: CatalogueDoc;
  problems: ReadonlyMap<number, string[]>;
  /** Offers each item's form. */
  onEdit?: (index: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const departments = doc.departments ?? [];
  const rows: Row[] = (doc.items ?? []).map((item, index) => ({ item, index }));
  const named = (x: { name?: string; nameEn?: string; code?: string }) =>
    (en ? x.nameEn : x.name) ?? x.code ?? '';
  return (
    <Table<Row>
      size="small"
      rowKey="index"
      pagination={{ pageSize: 20, size: 'small', hideOnSinglePage: true }}
      dataSource={rows}
      scroll={{ x: true }}
      rowClassName={(r) => (problems.has(r.index) ? 'catalogue-row-invalid' : '')}
      columns={[
        {
          title: t('catalogue.item'),
          render: (_: unknown, { item }: Row) => (
            <>
              <div>{named(item)}</div>
              <Typography.Text type="secondary">
                {item.code}
                {item.standardCode &&
                  ` · ${t('catalogue.standardCodeShort', { code: item.standardCode })}`}
              </Typography.Text>
            </>
          ),
        },
        {
          title: t('catalogue.stage'),
          render: (_: unknown, r) => (r.item.stage ? t(`stage.${r.item.stage}`, r.item.stage) : ''),
        },
        {
          title: t('catalogue.department'),
          render: (_: unknown, { item }: Row) => {
            const d = departments.find((x) => x.code === item.department);
            return (
              <>
                {d ? named(d) : item.department}{' '}
                {d?.level && <Tag>{t(`catalogue.level.${d.level}`, d.level)}</Tag>}
              </>
            );
          },
        },
        {
          title: t('catalogue.limits'),
          render: (_: unknown, { item }: Row) =>
            t('catalogue.limitsValue', {
              promised: item.promisedLimitDays ?? '—',
              statutory: item.statutoryLimitDays ?? '—',
            }) +
            Object.entries(item.promisedLimitDaysByType ?? {})
              .map(([type, days]) => `；${t(`type.${type}`, type)} ${days}`)
              .join(''),
        },
        {
          title: t('catalogue.prerequisites'),
          render: (_: unknown, { item }: Row) => (item.prerequisites ?? []).join('、') || '—',
        },
        {
          title: t('catalogue.materials'),
          render: (_: unknown, { item }: Row) =>
            item.materials?.length ? (
              <>
                <Tag>{t('catalogue.materialsCount', { count: item.materials.length })}</Tag>
                {item.materials.map(named).join('、')}
              </>
            ) : (
              '—'
            ),
        },
        {
          title: t('catalogue.problems'),
          render: (_: unknown, { index }: Row) =>
            problems.get(index)?.map((p) => (
              <Typography.Text key={p} type="danger" style={{ display: 'block' }}>
                {p}
              </Typography.Text>
            )) ?? null,
        },
        ...(onEdit
          ? [
              {
                title: t('catalogue.actions'),
                render: (_: unknown, { item, index }: Row) => (
                  <Button
                    size="small"
                    aria-label={t('catalogue.editItem', { code: item.code })}
                    onClick={() => onEdit(index)}
                  >
                    {t('catalogue.edit')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
