import { Alert, Button, Card, Descriptions, Form, Popconfirm, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDirectory } from '../../api/account';
import {
  useAssignSpecialist,
  useFlagKey,
  useSpecialistConsent,
  useUnflagKey,
} from '../../api/key-projects';
import type { Report } from '../../api/types';
import { useSession } from '../../auth/useSession';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { CommandModal, TextField } from '../../components/CommandModal';
import { KeyTag } from '../../components/KeyTag';
import { formatInstant } from '../../components/format';
import { useNames } from '../../components/names';
import { type Tone, useTones } from '../../components/tones';

const FLAGGERS = new Set(['SERVICE_CENTRE', 'SUPERVISOR']);
const STATUS_TONE: Record<string, Tone> = {
  PROPOSED: 'warn',
  ACTIVE: 'good',
  DECLINED: 'muted',
  REPLACED: 'muted',
};

/**
 * A project's key flag and specialist: the service centre flags it (the supervisor too) and
 * assigns a specialist of the agent team; the owner's applicant accepts or declines.
 */
export function KeyProjectPanel({ report: r }: { report: Report }) {
  const { t } = useTranslation();
  const role = useSession()?.role;
  const names = useNames();
  const tones = useTones();
  const [open, setOpen] = useState<'flag' | 'assign' | null>(null);
  const flag = useFlagKey(r.id, () => t('keyProject.flagged'));
  const unflag = useUnflagKey(r.id, () => t('keyProject.unflagged'));
  const assign = useAssignSpecialist(r.id, () => t('keyProject.assigned'));
  const running = r.status === 'IN_PROGRESS';
  const sp = r.specialist;
  const centre = role === 'SERVICE_CENTRE';
  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('keyProject.title')}</h2>}>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'key',
            label: t('keyProject.badge'),
            children: r.key ? (
              <Space wrap>
                <KeyTag flag={r.key} />
                {r.key.reason}
                <span>{t('keyProject.since', { date: formatInstant(r.key.since) })}</span>
              </Space>
            ) : (
              t('keyProject.notKey')
            ),
          },
          {
            key: 'specialist',
            label: t('keyProject.specialist'),
            children: sp ? (
              <Space wrap>
                {sp.displayName}
                <Tag color={tones[STATUS_TONE[sp.status]]}>
                  {t(`keyProject.status.${sp.status}`)}
                </Tag>
                {t('keyProject.assignedBy', { name: names.person(sp.assignedBy) })}
              </Space>
            ) : (
              t('keyProject.noSpecialist')
            ),
          },
        ]}
      />
      <ApiErrorAlert error={unflag.error} />
      {role && FLAGGERS.has(role) && running && (
        <Space wrap style={{ marginTop: 8 }}>
          <Button onClick={() => setOpen('flag')}>
            {r.key ? t('keyProject.changeReason') : t('keyProject.flag')}
          </Button>
          {r.key && (
            <Popconfirm
              title={t('keyProject.unflagConfirm')}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() => unflag.mutate(undefined)}
            >
              <Button danger loading={unflag.isPending}>
                {t('keyProject.unflag')}
              </Button>
            </Popconfirm>
          )}
          {centre && (
            <Button type="primary" onClick={() => setOpen('assign')}>
              {sp && sp.status !== 'DECLINED' ? t('keyProject.reassign') : t('keyProject.assign')}
            </Button>
          )}
        </Space>
      )}
      {role === 'APPLICANT' && running && sp?.status === 'PROPOSED' && <ConsentCard report={r} />}
      {open === 'flag' && (
        <CommandModal<{ reason: string }>
          title={t('keyProject.flag')}
          command={flag}
          onClose={() => setOpen(null)}
          initialValues={{ reason: r.key?.reason }}
          fields={
            <TextField
              name="reason"
              label={t('keyProject.reason')}
              required={t('keyProject.reasonRequired')}
            />
          }
        />
      )}
      {open === 'assign' && (
        <CommandModal<{ username: string }>
          title={t('keyProject.assign')}
          command={assign}
          onClose={() => setOpen(null)}
          extra={<Alert type="info" showIcon message={t('keyProject.assignHint')} />}
          fields={<TeamSelect />}
        />
      )}
    </Card>
  );
}

/** The government's agent team, by name. */
function TeamSelect() {
  const { t } = useTranslation();
  const directory = useDirectory();
  const team = (directory.data?.people ?? []).filter((p) => p.agentTeam);
  return (
    <Form.Item
      name="username"
      label={t('keyProject.username')}
      rules={[{ required: true, message: t('keyProject.usernameRequired') }]}
      style={{ marginTop: 12 }}
    >
      <Select
        loading={directory.isFetching}
        options={team.map((p) => ({ value: p.username, label: p.displayName }))}
      />
    </Form.Item>
  );
}

/** The owner's consent to the proposed specialist: until then the specialist has no power. */
function ConsentCard({ report: r }: { report: Report }) {
  const { t } = useTranslation();
  const names = useNames();
  const consent = useSpecialistConsent(r.id, (accept) =>
    accept ? t('keyProject.accepted') : t('keyProject.declined'),
  );
  const sp = r.specialist!;
  return (
    <Alert
      style={{ marginTop: 12 }}
      type="warning"
      showIcon
      message={t('keyProject.consentTitle')}
      description={
        <Space direction="vertical">
          {t('keyProject.consentText', {
            name: sp.displayName,
            by: names.person(sp.assignedBy),
          })}
          <ApiErrorAlert error={consent.error} />
          <Space>
            <Button
              type="primary"
              loading={consent.isPending && consent.variables}
              onClick={() => consent.mutate(true)}
            >
              {t('keyProject.accept')}
            </Button>
            <Button
              loading={consent.isPending && !consent.variables}
              onClick={() => consent.mutate(false)}
            >
              {t('keyProject.decline')}
            </Button>
          </Space>
        </Space>
      }
    />
  );
}
