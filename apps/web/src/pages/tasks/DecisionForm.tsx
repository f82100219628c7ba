import {
  App,
  Button,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { idempotencyKey } from '../../api/client';
import { SPECIAL_PROCEDURE_TYPES } from '../../api/enums';
import { projectCommands, useProjectCommand } from '../../api/projects';
import type { Decision, ItemReport } from '../../api/types';
import { ApiErrorAlert, type FieldMap, showFieldErrors } from '../../components/ApiErrorAlert';
import { useMaterials } from '../../api/materials';
import { useLocalName } from '../../components/materials/MaterialTags';
import { byApplicant } from '../../components/materials/rules';
import { Note } from '../../components/Note';

/** The API's fields this page's form shows (a refusal naming one is shown next to it). */
const FIELDS: FieldMap = {
  comment: ['comment'],
  'procedure.expectedDays': ['expectedDays'],
  'procedure.type': ['procedureType'],
  'deficiency.description': ['deficiencyDescription'],
  'deficiency.dueDate': ['deficiencyDueDate'],
  commitment: ['commitment'],
};

interface Values {
  action: Decision['action'];
  comment?: string;
  procedureType?: (typeof SPECIAL_PROCEDURE_TYPES)[number];
  expectedDays?: number;
  deficiencyDescription?: string;
  deficiencyDueDate?: Dayjs;
  /** REQUEST_SUPPLEMENT: the codes of the materials to correct. */
  materials?: string[];
  /** APPROVE_ON_COMMITMENT: the applicant's written commitment. */
  commitment?: string;
}

/** Which decisions the item's state allows (the API refuses the others with a 409 all the same). */
function actionsFor(item: ItemReport): Decision['action'][] {
  if (item.status === 'UNDER_REVIEW')
    return [
      'APPROVE',
      ...(item.commitmentCheckDays !== null ? (['APPROVE_ON_COMMITMENT'] as const) : []),
      'REJECT',
      'REQUEST_SUPPLEMENT',
      'START_SPECIAL_PROCEDURE',
      'ACCEPT_WITH_DEFICIENCY',
    ];
  if (item.status === 'SPECIAL_PROCEDURE') return ['END_SPECIAL_PROCEDURE'];
  return [];
}

/** The officer's decision: approve, reject, supplement, special procedure, accept with deficiency. */
export function DecisionForm({
  projectId,
  taskId,
  item,
}: {
  projectId: string;
  taskId: string;
  item: ItemReport;
}) {
  const { t, i18n } = useTranslation();
  const { modal } = App.useApp();
  const itemName = i18n.language === 'en' ? item.nameEn : item.name;
  const [form] = Form.useForm<Values>();
  const [key, setKey] = useState(idempotencyKey);
  const action = Form.useWatch('action', form);
  const allowed = actionsFor(item);
  const name = useLocalName();
  const materials = useMaterials(projectId).data?.items.find(
    (i) => i.code === item.code,
  )?.materials;
  const correctable = (materials ?? []).filter(byApplicant);
  // Those judged "needs correction" are the supplement's default, as they are judged.
  const judged = correctable
    .filter((m) => m.status === 'NEEDS_CORRECTION')
    .map((m) => m.code)
    .join(',');
  useEffect(() => {
    form.setFieldValue('materials', judged ? judged.split(',') : []);
  }, [judged, form]);
  const cmd = useProjectCommand(
    projectId,
    (v: Values) => {
      const body: Decision = { action: v.action, comment: v.comment?.trim() || undefined };
      if (v.action === 'START_SPECIAL_PROCEDURE')
        body.procedure = { type: v.procedureType!, expectedDays: v.expectedDays! };
      if (v.action === 'REQUEST_SUPPLEMENT' && v.materials?.length)
        body.materials = v.materials.map((code) => ({ code }));
      if (v.action === 'APPROVE_ON_COMMITMENT') body.commitment = v.commitment?.trim() ?? '';
      if (v.action === 'ACCEPT_WITH_DEFICIENCY')
        body.deficiency = {
          description: v.deficiencyDescription ?? '',
          dueDate: v.deficiencyDueDate?.format('YYYY-MM-DD') ?? '',
        };
      return projectCommands.decide(taskId, body, key);
    },
    (v, r) =>
      t(`done.decision.${v.action}`, { item: itemName, due: r.item?.onCommitment?.checkDue ?? '' }),
  );
  useEffect(() => {
    showFieldErrors(form, cmd.error, FIELDS);
  }, [cmd.error, form]);
  useEffect(() => {
    form.resetFields();
    setKey(idempotencyKey());
  }, [item.status, item.round, form]);
  // Show the API's refusal as it is even when the page thinks the action is allowed (state moved on).
  const options = allowed.length ? allowed : (['APPROVE'] as Decision['action'][]);
  // Nothing is chosen for the officer; what they chose is named back to them before it is sent.
  const confirm = (v: Values) =>
    void modal.confirm({
      title: t('people.decisionConfirmTitle'),
      content: (
        <>
          <p>
            {t('people.decisionConfirm', { item: itemName, decision: t(`decision.${v.action}`) })}
          </p>
          <p>{t('people.decisionConfirmHint')}</p>
        </>
      ),
      okText: t('decision.submit'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: v.action === 'REJECT' },
      onOk: () => {
        if (!cmd.isPending) cmd.mutate(v, { onSuccess: () => setKey(idempotencyKey()) });
      },
    });
  const needsComment = action === 'REJECT' || action === 'REQUEST_SUPPLEMENT';
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      disabled={cmd.isPending}
      initialValues={{
        expectedDays: 10,
        materials: judged ? judged.split(',') : [],
      }}
      onFinish={confirm}
    >
      <Form.Item
        name="action"
        label={t('decision.action')}
        rules={[{ required: true, message: t('people.decisionPick') }]}
      >
        <Radio.Group>
          <Space direction="vertical">
            {options.map((a) => (
              <Radio key={a} value={a}>
                {t(`decision.${a}`)}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
      {action === 'APPROVE' && judged && (
        <Note type="warning" gap={12} message={t('review.approveBlocked')} />
      )}
      {action === 'REQUEST_SUPPLEMENT' && correctable.length > 0 && (
        <Form.Item
          name="materials"
          label={t('review.supplementMaterials')}
          extra={t('review.supplementHint')}
        >
          <Checkbox.Group style={{ display: 'block' }}>
            {correctable.map((m) => (
              <div key={m.code}>
                <Checkbox value={m.code}>
                  {name(m)}
                  {m.verdict?.status === 'NEEDS_CORRECTION' && m.verdict.reason
                    ? ` — ${m.verdict.reason}`
                    : ''}
                </Checkbox>
              </div>
            ))}
          </Checkbox.Group>
        </Form.Item>
      )}
      {action === 'APPROVE_ON_COMMITMENT' && (
        <Form.Item
          name="commitment"
          label={t('decision.commitment')}
          // Below the character count the text area draws under itself, not over it.
          extra={
            <div style={{ marginTop: 22 }}>
              {t('decision.commitmentHint', { days: item.commitmentCheckDays })}
            </div>
          }
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { max: 2000 },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      )}
      {action === 'START_SPECIAL_PROCEDURE' && (
        <Space wrap align="start">
          <Form.Item
            name="procedureType"
            label={t('decision.procedureType')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select
              style={{ minWidth: 200 }}
              options={SPECIAL_PROCEDURE_TYPES.map((p) => ({ value: p, label: t(`pause.${p}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="expectedDays"
            label={t('decision.expectedDays')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <InputNumber min={1} max={250} />
          </Form.Item>
        </Space>
      )}
      {action === 'ACCEPT_WITH_DEFICIENCY' && (
        <Space wrap align="start">
          <Form.Item
            name="deficiencyDescription"
            label={t('decision.deficiency')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input style={{ minWidth: 240 }} maxLength={1000} />
          </Form.Item>
          <Form.Item
            name="deficiencyDueDate"
            label={t('decision.deficiencyDue')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <DatePicker />
          </Form.Item>
        </Space>
      )}
      <Form.Item
        name="comment"
        label={t('decision.comment')}
        rules={[
          { max: 2000 },
          ...(needsComment
            ? [{ required: true, whitespace: true, message: t('people.commentRequired') }]
            : []),
        ]}
      >
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      <ApiErrorAlert error={cmd.error} fields={FIELDS} />
      <Button type="primary" htmlType="submit" loading={cmd.isPending}>
        {t('decision.submit')}
      </Button>
    </Form>
  );
}
