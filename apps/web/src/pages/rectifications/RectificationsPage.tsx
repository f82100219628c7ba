import { Button, Form, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { RECTIFICATION_STATUSES } from '../../api/enums';
import {
  type Rectification,
  useAnswerRectification,
  useRectifications,
} from '../../api/rectifications';
import { useSession } from '../../auth/useSession';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { CommandModal, TextField } from '../../components/CommandModal';
import { DataTable } from '../../components/DataTable';
import { useItemColumns } from '../../components/itemColumns';

type Status = (typeof RECTIFICATION_STATUSES)[number];
const COLOURS: Record<string, string> = {
  OPEN: 'blue',
  OVERDUE: 'red',
  RESPONDED: 'gold',
  CONFIRMED: 'green',
  DISPUTED: 'volcano',
};

/**
 * Rectifications of bad ratings: a head answers its department's, the applicant (or its agent)
 * confirms or disputes the answer, the supervisor sees all of them; filtered by status in the URL.
 */
export function Component() {
  const { t, i18n } = useTranslation();
  const s = useSession();
  const col = useItemColumns();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? undefined) as Status | undefined;
  const [answer, setAnswer] = useState<{ r: Rectification; kind: 'respond' | 'confirm' } | null>(
    null,
  );
  const list = useRectifications({ status });
  const head = s?.role === 'DEPARTMENT_HEAD';
  const applicantSide = s?.role === 'APPLICANT' || s?.role === 'AGENT';
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
        {t('ratings.rectifications')}
      </Typography.Title>
      <Select
        aria-label={t('ratings.statusFilter')}
        placeholder={t('ratings.statusFilter')}
        allowClear
        value={status}
        style={{ width: 180 }}
        onChange={(v) => setParams(v ? { status: v } : {})}
        options={RECTIFICATION_STATUSES.map((x) => ({ value: x, label: t(`ratings.status.${x}`) }))}
      />
      <ApiErrorAlert error={list.error} />
      <DataTable<Rectification>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('ratings.noRectifications') }}
        pagination={{ pageSize: 20 }}
        columns={[
          {
            title: t('items.status'),
            dataIndex: 'status',
            render: (x: string) => <Tag color={COLOURS[x]}>{t(`ratings.status.${x}`)}</Tag>,
          },
          {
            title: t('projects.name'),
            dataIndex: 'projectName',
            render: (n: string, r) => <Link to={`/projects/${r.projectId}`}>{n}</Link>,
          },
          {
            title: t('items.name'),
            dataIndex: 'itemName',
            render: (n: string, r) => (i18n.language === 'en' ? r.itemNameEn : n),
          },
          col.department,
          {
            title: t('ratings.score'),
            dataIndex: 'score',
            render: (n: number) => t(`ratings.scores.${n}`),
          },
          {
            title: t('ratings.comment'),
            dataIndex: 'comment',
            render: (c: string | null) => c ?? '—',
          },
          { title: t('ratings.openedOn'), dataIndex: 'openedOn' },
          { title: t('ratings.dueDate'), dataIndex: 'dueDate' },
          {
            title: t('ratings.response'),
            key: 'response',
            render: (_, r) =>
              r.response ? (
                <span>
                  {r.response}
                  {r.respondedOnTime === false && (
                    <Tag color="red" style={{ marginLeft: 4 }}>
                      {t('ratings.late')}
                    </Tag>
                  )}
                </span>
              ) : (
                '—'
              ),
          },
          {
            title: t('ratings.confirmation'),
            key: 'confirmation',
            render: (_, r) => r.confirmationNote ?? '—',
          },
          ...(head || applicantSide
            ? [
                {
                  title: t('items.action'),
                  key: 'act',
                  render: (_: unknown, r: Rectification) =>
                    head && (r.status === 'OPEN' || r.status === 'OVERDUE') ? (
                      <Button
                        size="small"
                        type="primary"
                        onClick={() => setAnswer({ r, kind: 'respond' })}
                      >
                        {t('ratings.respond')}
                      </Button>
                    ) : applicantSide && r.status === 'RESPONDED' ? (
                      <Button size="small" onClick={() => setAnswer({ r, kind: 'confirm' })}>
                        {t('ratings.confirm')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {answer && <AnswerDialog r={answer.r} kind={answer.kind} onClose={() => setAnswer(null)} />}
    </Space>
  );
}

/** The head's response (a note), or the applicant's confirmation (put right or disputed). */
function AnswerDialog({
  r,
  kind,
  onClose,
}: {
  r: Rectification;
  kind: 'respond' | 'confirm';
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const send = useAnswerRectification(r, kind);
  return (
    <CommandModal<{ note?: string; satisfied?: boolean }>
      title={t(kind === 'respond' ? 'ratings.respondTitle' : 'ratings.confirmTitle', {
        item: i18n.language === 'en' ? r.itemNameEn : r.itemName,
      })}
      command={send}
      onClose={onClose}
      extra={
        <>
          <Typography.Paragraph>
            {t('ratings.scoreOf', { score: t(`ratings.scores.${r.score}`) })}
            {r.comment ? `：${r.comment}` : ''}
          </Typography.Paragraph>
          {kind === 'confirm' && r.response && (
            <Typography.Paragraph type="secondary">
              {t('ratings.response')}: {r.response}
            </Typography.Paragraph>
          )}
        </>
      }
      fields={
        kind === 'respond' ? (
          <TextField
            name="note"
            label={t('ratings.responseNote')}
            required={t('common.required')}
          />
        ) : (
          <>
            <Form.Item
              name="satisfied"
              label={t('ratings.outcome')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Radio.Group
                options={[
                  { value: true, label: t('ratings.satisfied') },
                  { value: false, label: t('ratings.dispute') },
                ]}
              />
            </Form.Item>
            <TextField name="note" label={t('common.note')} />
          </>
        )
      }
    />
  );
}
