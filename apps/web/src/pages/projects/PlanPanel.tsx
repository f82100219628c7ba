import { Button, Card, DatePicker, Form, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlan, useSetPlan } from '../../api/key-projects';
import type { Report, StageCode } from '../../api/types';
import { useSession } from '../../auth/useSession';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { CommandModal } from '../../components/CommandModal';
import { formatInstant } from '../../components/format';
import { useNames } from '../../components/names';
import { type Tone, useTones } from '../../components/tones';

const STATE_TONE: Record<string, Tone> = { MET: 'good', LATE: 'bad', OPEN: 'info' };

/** A target in the form: `stage:PLAN` or `item:LAND_USE_PERMIT`, and its day. */
interface TargetRow {
  target: string;
  date: Dayjs;
}
interface PlanForm {
  targets: TargetRow[];
}

/**
 * The specialist's plan (代办方案): target dates per stage and per item, each met (销号), late or
 * open; everyone who sees the project reads it, the accepted specialist edits it.
 */
export function PlanPanel({ report: r }: { report: Report }) {
  const { t, i18n } = useTranslation();
  const s = useSession();
  const names = useNames();
  const tones = useTones();
  const plan = usePlan(r.id);
  const [editing, setEditing] = useState(false);
  const save = useSetPlan(r.id, () => t('plan.saved'));
  const en = i18n.language === 'en';
  const mine =
    s?.username === r.specialist?.username &&
    r.specialist?.status === 'ACTIVE' &&
    r.status === 'IN_PROGRESS';
  const targets = plan.data?.targets ?? [];
  const options = [
    ...r.stages.map((st) => ({
      value: `stage:${st.code}`,
      label: t('plan.stageTarget', { name: t(`stage.${st.code}`) }),
    })),
    ...r.stages.flatMap((st) =>
      st.themes.flatMap((th) =>
        th.items.map((i) => ({
          value: `item:${i.code}`,
          label: t('plan.itemTarget', { name: en ? i.nameEn : i.name }),
        })),
      ),
    ),
  ];
  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('plan.title')}</h2>}>
      <ApiErrorAlert error={plan.error} />
      {!targets.length && !plan.isFetching && (
        <Typography.Paragraph type="secondary">{t('plan.empty')}</Typography.Paragraph>
      )}
      {targets.length > 0 && (
        <Table
          size="small"
          rowKey={(x) => `${x.stage ?? x.item}-${x.date}`}
          loading={plan.isFetching}
          dataSource={targets}
          pagination={false}
          columns={[
            {
              title: t('plan.target'),
              key: 'target',
              render: (_, x) =>
                x.stage
                  ? t('plan.stageTarget', { name: t(`stage.${x.stage}`) })
                  : t('plan.itemTarget', { name: en ? x.nameEn : x.name }),
            },
            { title: t('plan.date'), dataIndex: 'date' },
            {
              title: t('plan.status'),
              dataIndex: 'state',
              render: (v: string) => <Tag color={tones[STATE_TONE[v]]}>{t(`plan.state.${v}`)}</Tag>,
            },
            { title: t('plan.doneOn'), dataIndex: 'doneOn', render: (d?: string) => d ?? '—' },
          ]}
        />
      )}
      {plan.data?.setBy && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('plan.setBy', {
            name: names.person(plan.data.setBy),
            at: formatInstant(plan.data.setAt),
          })}
        </Typography.Text>
      )}
      {mine && (
        <div style={{ marginTop: 8 }}>
          <Button type="primary" onClick={() => setEditing(true)}>
            {t('plan.edit')}
          </Button>
        </div>
      )}
      {editing && (
        <CommandModal<PlanForm>
          title={t('plan.edit')}
          command={{
            ...save,
            mutate: ({ values, key }, opts) =>
              save.mutate(
                {
                  key,
                  values: {
                    targets: (values.targets ?? []).map(({ target, date }) => {
                      const [kind, code] = target.split(':');
                      const day = date.format('YYYY-MM-DD');
                      return kind === 'stage'
                        ? { stage: code as StageCode, date: day }
                        : { item: code, date: day };
                    }),
                  },
                },
                opts,
              ),
          }}
          onClose={() => setEditing(false)}
          initialValues={{
            targets: targets.map((x) => ({
              target: x.stage ? `stage:${x.stage}` : `item:${x.item}`,
              date: dayjs(x.date),
            })),
          }}
          fields={<TargetsField options={options} />}
        />
      )}
    </Card>
  );
}

function TargetsField({ options }: { options: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  return (
    <Form.List name="targets">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f, n) => (
            <Space key={f.key} align="baseline" wrap>
              <Form.Item
                name={[f.name, 'target']}
                rules={[{ required: true, message: t('plan.targetRequired') }]}
              >
                <Select
                  aria-label={`${t('plan.target')} ${n + 1}`}
                  style={{ width: 280 }}
                  options={options}
                  showSearch
                  optionFilterProp="label"
                />
              </Form.Item>
              <Form.Item
                name={[f.name, 'date']}
                rules={[{ required: true, message: t('plan.dateRequired') }]}
              >
                <DatePicker aria-label={`${t('plan.date')} ${n + 1}`} />
              </Form.Item>
              <Button onClick={() => remove(f.name)}>{t('plan.remove')}</Button>
            </Space>
          ))}
          <Button onClick={() => add()}>{t('plan.add')}</Button>
        </>
      )}
    </Form.List>
  );
}
