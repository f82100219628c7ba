import { Button, Card, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { projectCommands, useProjectCommand } from '../../api/projects';
import type { CommandInput, Report } from '../../api/types';
import { useSession } from '../../auth/useSession';
import { CommandModal, TextField } from '../../components/CommandModal';

/**
 * Withdrawing the whole project, away from the day's actions: at the foot of the page, asked
 * twice (a confirmation, then the dialog with its reason).
 */
export function DangerZone({ report }: { report: Report }) {
  const { t } = useTranslation();
  const role = useSession()?.role;
  const [open, setOpen] = useState(false);
  const cmd = useProjectCommand(
    report.id,
    ({ values, key }: CommandInput<{ reason?: string }>) =>
      projectCommands.withdrawProject(report.id, { reason: values.reason || undefined }, key),
    () => t('done.WITHDRAW_PROJECT'),
  );
  if ((role !== 'APPLICANT' && role !== 'AGENT') || report.status !== 'IN_PROGRESS') return null;
  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('people.dangerZone')}</h2>}
      styles={{ header: { borderBottomColor: '#ffccc7' } }}
      style={{ borderColor: '#ffccc7' }}
    >
      <Typography.Paragraph type="secondary">{t('people.dangerHint')}</Typography.Paragraph>
      <Popconfirm
        title={t('actions.withdrawProjectConfirm')}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true }}
        onConfirm={() => setOpen(true)}
      >
        <Button danger>{t('actions.withdrawProject')}</Button>
      </Popconfirm>
      {open && (
        <CommandModal<{ reason?: string }>
          title={t('actions.withdrawProject')}
          command={cmd}
          okDanger
          onClose={() => setOpen(false)}
          fields={<TextField name="reason" label={t('common.reason')} />}
        />
      )}
    </Card>
  );
}
