import { Button, Card, Collapse, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ItemTable } from '../../components/DataTable';
import { useItemColumns } from '../../components/itemColumns';
import { Link } from 'react-router';
import type { ItemReport, Report } from '../../api/types';
import { useSession } from '../../auth/useSession';
import { useMe } from '../../api/account';
import { RiskTag, StatusTag } from '../../components/RiskTag';
import { type ItemTarget, itemTarget } from '../../components/CommandModal';
import { ExtensionModal } from '../escalations/ExtensionModal';
import { useNames } from '../../components/names';

const OPEN = new Set(['UNDER_REVIEW', 'SUPPLEMENT_REQUESTED', 'SPECIAL_PROCEDURE', 'SUSPENDED']);

/** Every stage with its themes and items: status, department, clock and what staff can do on it. */
export function StagesPanel({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  const s = useSession();
  const me = useMe();
  const col = useItemColumns();
  const [extend, setExtend] = useState<ItemTarget | null>(null);
  const en = i18n.language === 'en';
  const mineDept = (i: ItemReport) => me.data?.department === i.department;
  const itemName = useNames().itemsOf(report);
  const items = report.stages.map((st) => ({
    key: st.code,
    label: (
      <span>
        <Typography.Text strong>{t(`stage.${st.code}`)}</Typography.Text>{' '}
        <StatusTag status={st.status} />{' '}
        {st.usedDays > 0 && <Tag>{t('clock.days', { n: st.usedDays })}</Tag>}
      </span>
    ),
    children: (
      <>
        {st.returnReason && st.status === 'RETURNED' && (
          <Typography.Paragraph type="warning">
            {t('stages.returned')}: {st.returnReason}
          </Typography.Paragraph>
        )}
        {st.themes.map((th) => (
          <div key={th.code} style={{ marginBottom: 12 }}>
            <Typography.Text strong>{en ? th.nameEn : th.name}</Typography.Text>
            {th.acceptance && (
              // 一次受理 per theme: the theme's own hand-in and acceptance.
              <>
                {' '}
                <StatusTag status={th.acceptance.status} />
                {th.acceptance.status === 'RETURNED' && th.acceptance.returnReason && (
                  <Typography.Text type="warning">
                    {t('stages.returned')}: {th.acceptance.returnReason}
                  </Typography.Text>
                )}
              </>
            )}
            <ItemTable<ItemReport>
              dataSource={th.items}
              columns={[
                {
                  title: t('items.name'),
                  dataIndex: 'name',
                  render: (n: string, i) =>
                    s?.role === 'REVIEWING_OFFICER' && mineDept(i) ? (
                      <Link to={`/tasks/${encodeURIComponent(i.taskId)}`}>{en ? i.nameEn : n}</Link>
                    ) : en ? (
                      i.nameEn
                    ) : (
                      n
                    ),
                },
                col.department,
                {
                  ...col.status,
                  render: (x: string, i: ItemReport) => (
                    <>
                      <StatusTag status={x} />
                      {x === 'PENDING' && (
                        <div>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {i.prerequisites.length
                              ? t('people.waitsFor', {
                                  items: i.prerequisites.map(itemName).join(t('common.separator')),
                                })
                              : th.acceptance
                                ? t('people.waitsForTheme')
                                : t('people.waitsForStage', { stage: t(`stage.${st.code}`) })}
                          </Typography.Text>
                        </div>
                      )}
                      {i.onCommitment && (
                        <div>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {t('express.commitmentLine', {
                              text: i.onCommitment.text,
                              due: i.onCommitment.checkDue,
                            })}
                          </Typography.Text>
                        </div>
                      )}
                    </>
                  ),
                },
                {
                  title: t('items.clock'),
                  key: 'clock',
                  render: (_, i) => `${i.clock.usedDays} / ${i.clock.limitDays}`,
                },
                {
                  title: t('people.dueOrDecided'),
                  key: 'due',
                  render: (_, i) =>
                    i.decidedOn
                      ? `${t('people.decidedOn')} ${i.decidedOn}`
                      : (i.clock.dueDate ?? '—'),
                },
                {
                  title: t('items.risk'),
                  key: 'risk',
                  render: (_, i) => <RiskTag risk={i.clock.risk} />,
                },
                ...(s?.role === 'DEPARTMENT_HEAD'
                  ? [
                      {
                        title: t('items.action'),
                        key: 'act',
                        render: (_: unknown, i: ItemReport) =>
                          mineDept(i) && OPEN.has(i.status) ? (
                            <Button
                              size="small"
                              onClick={() => setExtend(itemTarget(report.id, i, en))}
                            >
                              {t('extension.grant')}
                            </Button>
                          ) : null,
                      },
                    ]
                  : []),
              ]}
            />
          </div>
        ))}
      </>
    ),
  }));
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('stages.title')}</h2>} size="small">
      <Collapse defaultActiveKey={[report.stage]} items={items} />
      {extend && <ExtensionModal {...extend} onClose={() => setExtend(null)} />}
    </Card>
  );
}
