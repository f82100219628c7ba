import { Button, Card, DatePicker, Form, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { idempotencyKey } from '../../api/client';
import { useCreateProject } from '../../api/projects';
import { ApiErrorAlert, type FieldMap, showFieldErrors } from '../../components/ApiErrorAlert';
import { masterDataFields } from '../projects/MasterDataFields';
import { type ProjectForm, QuestionnaireForm, projectBody } from '../projects/QuestionnaireForm';

/** The API's fields this page's form shows (a refusal naming one is shown next to it). */
const FIELDS: FieldMap = {
  name: ['name'],
  ownerOrganisation: ['ownerOrganisation'],
  ...masterDataFields(['master']),
  acceptedAt: ['acceptedAt'],
};

/** An administrator brings in a project already under review elsewhere, with its acceptance date. */
export function Component() {
  const { t } = useTranslation();
  const [form] = Form.useForm<ProjectForm>();
  const [key] = useState(idempotencyKey);
  const create = useCreateProject(key);
  const navigate = useNavigate();
  useEffect(() => {
    showFieldErrors(form, create.error, FIELDS);
  }, [create.error, form]);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 960 }}>
      <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
        {t('import.title')}
      </Typography.Title>
      <Card>
        <Typography.Paragraph type="secondary">{t('import.intro')}</Typography.Paragraph>
        <QuestionnaireForm
          form={form}
          disabled={create.isPending}
          onFinish={(v) =>
            !create.isPending &&
            create.mutate(projectBody(v), {
              onSuccess: (r) => void navigate(`/projects/${r.id}`),
            })
          }
          extra={
            <>
              <Form.Item
                name="ownerOrganisation"
                label={t('import.organisation')}
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    message: t('newProject.organisationRequired'),
                  },
                ]}
              >
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item
                name="acceptedAt"
                label={t('import.acceptedAt')}
                extra={t('import.acceptedAtHint')}
              >
                <DatePicker />
              </Form.Item>
            </>
          }
        />
        <ApiErrorAlert error={create.error} fields={FIELDS} />
        <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
          {t('import.submit')}
        </Button>
      </Card>
    </Space>
  );
}
