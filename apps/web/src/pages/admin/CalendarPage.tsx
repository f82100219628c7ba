import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCalendarYears, useLoadCalendarYear } from '../../api/admin';
import { ApiErrorAlert, type FieldMap, showFieldErrors } from '../../components/ApiErrorAlert';
import { useTones } from '../../components/tones';

/** The API's fields this page's form shows (a refusal naming one is shown next to it). */
const FIELDS: FieldMap = {
  year: ['year'],
  holidays: ['holidays'],
  workdays: ['workdays'],
};

interface YearForm {
  year: number;
  holidays: string;
  workdays: string;
  official: boolean;
}

const dates = (s: string) =>
  s
    .split(/[\s,，;；]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** Working-day calendar years: what is loaded, and loading a new year's schedule (running projects recount). */
export function Component() {
  const { t } = useTranslation();
  const tones = useTones();
  const [form] = Form.useForm<YearForm>();
  const years = useCalendarYears();
  const load = useLoadCalendarYear();
  useEffect(() => {
    showFieldErrors(form, load.error, FIELDS);
  }, [load.error, form]);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 960 }}>
      <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
        {t('calendar.title')}
      </Typography.Title>
      <ApiErrorAlert error={years.error} />
      {years.data && (
        <Card
          size="small"
          title={
            <h2 style={{ fontSize: 16, margin: 0 }}>
              {t('calendar.loaded', { version: years.data.version })}
            </h2>
          }
        >
          <Table
            size="small"
            rowKey="year"
            pagination={{ pageSize: 6, size: 'small' }}
            dataSource={[...years.data.years].reverse()}
            columns={[
              { title: t('calendar.year'), dataIndex: 'year' },
              {
                title: t('calendar.status'),
                dataIndex: 'official',
                render: (o: boolean) =>
                  o ? (
                    <Tag color={tones.good}>{t('calendar.official')}</Tag>
                  ) : (
                    <Tag color={tones.warn}>{t('clock.provisional')}</Tag>
                  ),
              },
              { title: t('calendar.holidays'), dataIndex: 'holidays' },
              { title: t('calendar.workdays'), dataIndex: 'workdays' },
            ]}
          />
        </Card>
      )}
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('calendar.load')}</h2>}>
        <Typography.Paragraph type="secondary">{t('calendar.hint')}</Typography.Paragraph>
        <Form<YearForm>
          form={form}
          layout="vertical"
          initialValues={{
            year: new Date().getFullYear() + 1,
            official: true,
            holidays: '',
            workdays: '',
          }}
          onFinish={(v) =>
            !load.isPending &&
            load.mutate({
              year: v.year,
              body: {
                holidays: dates(v.holidays),
                workdays: dates(v.workdays),
                official: v.official,
              },
            })
          }
        >
          <Form.Item
            name="year"
            label={t('calendar.year')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <InputNumber min={2004} max={2099} />
          </Form.Item>
          {(
            [
              ['holidays', t('calendar.holidayDates'), 3],
              ['workdays', t('calendar.workdayDates'), 2],
            ] as const
          ).map(([name, label, rows]) => (
            <Form.Item key={name} name={name} label={label} extra={t('calendar.datesHint')}>
              <Input.TextArea rows={rows} />
            </Form.Item>
          ))}
          <Form.Item name="official" label={t('calendar.official')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <ApiErrorAlert error={load.error} fields={FIELDS} />
          {load.data && (
            <Alert
              type={load.data.failed.length ? 'warning' : 'success'}
              showIcon
              style={{ marginBottom: 12 }}
              message={t('calendar.done', {
                year: load.data.year,
                running: load.data.running,
                signalled: load.data.signalled,
                failed: load.data.failed.length,
              })}
            />
          )}
          <Button type="primary" htmlType="submit" loading={load.isPending}>
            {t('calendar.submit')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
