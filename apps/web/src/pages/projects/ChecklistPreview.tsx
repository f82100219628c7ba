import { Alert, Card, Descriptions, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ItemTable } from '../../components/DataTable';
import type { Checklist, ChecklistItem as Item } from '../../api/types';
import { useTones } from '../../components/tones';
import { useAnswerText } from '../../components/useAnswerText';
import { ChecklistMaterials, materialCount } from './ChecklistMaterials';

/** The items the answers make required, per stage and theme, each with why; what is waived and why. */
export function ChecklistPreview({ checklist }: { checklist: Checklist }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const tones = useTones();
  const answer = useAnswerText();
  const all = checklist.stages.flatMap((s) => s.themes.flatMap((th) => th.items));
  const itemName = (code: string) => {
    const i = all.find((x) => x.code === code);
    return i ? (en ? i.nameEn : i.name) : code;
  };
  const count = (i: Item) => t('materials.materialsOf', { n: materialCount(i) });
  return (
    <div>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 3 }}
        items={[
          { key: 'type', label: t('projects.type'), children: t(`type.${checklist.projectType}`) },
          {
            key: 'limit',
            label: t('newProject.limit'),
            children: t('clock.days', { n: checklist.limitDays }),
          },
          {
            key: 'cp',
            label: t('newProject.criticalPath'),
            children: t('clock.days', { n: checklist.criticalPathDays }),
          },
        ]}
      />
      <Alert
        type="info"
        showIcon
        style={{ margin: '8px 0 16px' }}
        message={t('newProject.criticalPathHint')}
      />
      <Typography.Paragraph type="secondary">{t('newProject.materialsHint')}</Typography.Paragraph>
      {checklist.stages.map((s) => (
        <Card
          key={s.code}
          size="small"
          style={{ marginBottom: 12 }}
          title={
            <h3 style={{ fontSize: 15, margin: 0 }}>
              {t(`stage.${s.code}`)} ·{' '}
              {t('newProject.stageCriticalPath', { n: s.criticalPathDays })}
            </h3>
          }
        >
          {s.themes.map((th) => (
            <div key={th.code} style={{ marginBottom: 8 }}>
              <Typography.Text strong>{en ? th.nameEn : th.name}</Typography.Text>
              <ItemTable<Item>
                dataSource={th.items}
                // A fixed width the columns wrap within, scrolled inside the card where the
                // screen is narrower: the reasons never push the table past the card's edge.
                scroll={{ x: 900 }}
                expandable={{
                  expandedRowRender: (i) => <ChecklistMaterials item={i} itemName={itemName} />,
                  rowExpandable: (i) => i.materials.length > 0,
                }}
                expandLabel={() => t('newProject.showMaterials')}
                columns={[
                  {
                    title: t('items.name'),
                    dataIndex: 'name',
                    render: (n: string, i) => (
                      <span>
                        {en ? i.nameEn : n}{' '}
                        {s.criticalPathItems.includes(i.code) && (
                          <Tag color={tones.mark}>{t('newProject.onCriticalPath')}</Tag>
                        )}
                      </span>
                    ),
                  },
                  {
                    title: t('items.department'),
                    key: 'dept',
                    render: (_, i) => (en ? i.departmentNameEn : i.departmentName),
                  },
                  {
                    title: t('items.limit'),
                    dataIndex: 'limitDays',
                    render: (n: number) => t('clock.days', { n }),
                  },
                  {
                    title: t('newProject.why'),
                    key: 'why',
                    width: 280,
                    render: (_, i) => i.requiredBecause.map(answer).join(t('common.separator')),
                  },
                  {
                    title: t('materials.title'),
                    key: 'materials',
                    render: (_, i) => count(i),
                  },
                ]}
              />
            </div>
          ))}
        </Card>
      ))}
      {checklist.waived.length > 0 && (
        <Card
          size="small"
          title={<h3 style={{ fontSize: 15, margin: 0 }}>{t('newProject.waived')}</h3>}
        >
          <List
            size="small"
            dataSource={checklist.waived}
            renderItem={(w) => (
              <List.Item>
                <span>
                  <Tag>{en ? w.nameEn : w.name}</Tag>
                  {w.waivedBecause.map(answer).join(t('common.separator'))}
                </span>
              </List.Item>
            )}
          />
        </Card>
      )}
    </div>
  );
}
