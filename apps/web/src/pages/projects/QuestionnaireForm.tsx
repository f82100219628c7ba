import { Checkbox, Form, Input, Radio, Skeleton, Space } from 'antd';
import type { FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuestionnaire } from '../../api/catalog';
import type { Body } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { RegionField } from '../../components/RegionField';
import { type MasterDataForm, MasterDataFields, masterDataBody } from './MasterDataFields';

export interface ProjectForm {
  name: string;
  answers: Record<string, string | string[]>;
  ownerOrganisation?: string;
  region?: string;
  acceptedAt?: { format: (f: string) => string };
  master?: MasterDataForm;
}

/** What POST /api/projects takes from the form (names trimmed, the date as YYYY-MM-DD). */
export const projectBody = (v: ProjectForm): Body<'/api/projects', 'post'> => ({
  name: v.name.trim(),
  answers: v.answers,
  ...(v.ownerOrganisation?.trim() ? { ownerOrganisation: v.ownerOrganisation.trim() } : {}),
  ...(v.acceptedAt ? { acceptedAt: v.acceptedAt.format('YYYY-MM-DD') } : {}),
  ...(v.region ? { region: v.region } : {}),
  ...masterDataBody(v.master),
});

/** The project's name and the questionnaire (智能定制告知), one form item per question. */
export function QuestionnaireForm({
  form,
  onFinish,
  extra,
  disabled,
}: {
  form: FormInstance<ProjectForm>;
  onFinish: (v: ProjectForm) => void;
  extra?: ReactNode;
  disabled?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const q = useQuestionnaire();
  if (!q.data) return q.error ? <ApiErrorAlert error={q.error} /> : <Skeleton active />;
  return (
    <Form<ProjectForm>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      disabled={disabled}
      scrollToFirstError
      initialValues={{
        answers: Object.fromEntries(
          q.data.questions.filter((x) => x.kind === 'multi').map((x) => [x.id, []]),
        ),
      }}
    >
      <Form.Item
        name="name"
        label={t('newProject.name')}
        rules={[
          { required: true, whitespace: true, message: t('newProject.nameRequired') },
          { max: 200 },
        ]}
      >
        <Input maxLength={200} showCount />
      </Form.Item>
      <RegionField />
      {extra}
      {q.data.questions.map((question, n) => (
        <Form.Item
          key={question.id}
          name={['answers', question.id]}
          label={`${n + 1}. ${en ? question.textEn : question.text}`}
          rules={
            question.kind === 'single'
              ? [{ required: true, message: t('newProject.answerRequired') }]
              : []
          }
        >
          {question.kind === 'single' ? (
            <Radio.Group aria-label={en ? question.textEn : question.text}>
              <Space direction="vertical">
                {question.options.map((o) => (
                  <Radio key={o.id} value={o.id}>
                    {en ? o.textEn : o.text}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          ) : (
            <Checkbox.Group role="group" aria-label={en ? question.textEn : question.text}>
              <Space direction="vertical">
                {question.options.map((o) => (
                  <Checkbox key={o.id} value={o.id}>
                    {en ? o.textEn : o.text}
                  </Checkbox>
                ))}
              </Space>
            </Checkbox.Group>
          )}
        </Form.Item>
      ))}
      <MasterDataFields prefix={['master']} />
    </Form>
  );
}
