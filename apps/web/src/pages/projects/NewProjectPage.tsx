import { Alert, Button, Card, Form, Select, Space, Steps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMandates } from '../../api/agents';
import { usePreviewChecklist } from '../../api/catalog';
import { ApiError, idempotencyKey } from '../../api/client';
import { useCreateProject } from '../../api/projects';
import type { Checklist } from '../../api/types';
import { useSession } from '../../auth/useSession';
import { ApiErrorAlert, type FieldMap, showFieldErrors } from '../../components/ApiErrorAlert';
import { PreviewRequirementsButton } from './ChecklistMaterials';
import { ChecklistPreview } from './ChecklistPreview';
import { masterDataFields } from './MasterDataFields';
import { type ProjectForm, QuestionnaireForm, projectBody } from './QuestionnaireForm';

/** The API's fields this page's form shows (a refusal naming one is shown next to it). */
const FIELDS: FieldMap = {
  name: ['name'],
  ownerOrganisation: ['ownerOrganisation'],
  region: ['region'],
  ...masterDataFields(['master']),
};

/** Questionnaire → the checklist preview (why each item, the critical path) → create the project. */
export function Component() {
  const { t } = useTranslation();
  const s = useSession();
  const [form] = Form.useForm<ProjectForm>();
  const [values, setValues] = useState<ProjectForm | null>(null);
  const [checklist, setChecklist] = useState<Checklist | null>(null);
  // One key per preview: a double click (or a retry after a lost answer) makes one project.
  const [key, setKey] = useState(idempotencyKey);
  const agent = s?.role === 'AGENT';
  const navigate = useNavigate();
  const mandates = useMandates({ enabled: agent });
  const preview = usePreviewChecklist();
  const create = useCreateProject(key);
  const step = checklist ? 1 : 0;
  useEffect(() => {
    showFieldErrors(form, preview.error ?? create.error, FIELDS);
  }, [preview.error, create.error, form, step]);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 960 }}>
      <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
        {t('newProject.title')}
      </Typography.Title>
      <Steps
        size="small"
        current={step}
        items={[
          { title: t('newProject.step1') },
          { title: t('newProject.step2') },
          { title: t('newProject.step3') },
        ]}
      />
      {step === 0 && (
        <Card>
          <Typography.Paragraph type="secondary">{t('newProject.intro')}</Typography.Paragraph>
          <QuestionnaireForm
            form={form}
            disabled={preview.isPending}
            onFinish={(v) =>
              !preview.isPending &&
              preview.mutate(
                { answers: v.answers, ...(v.region ? { region: v.region } : {}) },
                {
                  onSuccess: (c) => {
                    setValues(v);
                    setChecklist(c);
                    setKey(idempotencyKey());
                  },
                },
              )
            }
            extra={
              agent ? (
                <Form.Item
                  name="ownerOrganisation"
                  label={t('newProject.forOrganisation')}
                  rules={[{ required: true, message: t('newProject.organisationRequired') }]}
                  extra={mandates.data?.items.length === 0 ? t('newProject.noMandate') : undefined}
                >
                  <Select
                    options={(mandates.data?.items ?? []).map((m) => ({
                      value: m.organisation,
                      label: m.organisationName,
                    }))}
                  />
                </Form.Item>
              ) : null
            }
          />
          <ApiErrorAlert error={preview.error ?? create.error} fields={FIELDS} />
          <Button type="primary" loading={preview.isPending} onClick={() => form.submit()}>
            {t('newProject.preview')}
          </Button>
        </Card>
      )}
      {step === 1 && checklist && values && (
        <Card>
          <Typography.Title level={3} style={{ fontSize: 18 }}>
            {values.name}
          </Typography.Title>
          <ChecklistPreview checklist={checklist} />
          <PreviewRequirementsButton answers={values.answers} region={values.region} />
          <ApiErrorAlert error={create.error} fields={FIELDS} />
          {create.isSuccess && <Alert type="success" message={t('newProject.created')} />}
          <Space style={{ marginTop: 16 }} wrap>
            <Button onClick={() => setChecklist(null)} disabled={create.isPending}>
              {t('newProject.back')}
            </Button>
            <Button
              type="primary"
              loading={create.isPending}
              onClick={() =>
                !create.isPending &&
                create.mutate(projectBody(values), {
                  onSuccess: (r) => void navigate(`/projects/${r.id}`),
                  // A field the API refused (a credit code's check character, a code taken):
                  // back to the form, where the message stands next to it.
                  onError: (e) => {
                    if (e instanceof ApiError && (e.status === 400 || e.status === 409))
                      setChecklist(null);
                  },
                })
              }
            >
              {t('newProject.create')}
            </Button>
          </Space>
        </Card>
      )}
    </Space>
  );
}
