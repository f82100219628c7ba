import { Button, Form, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDirectory } from '../../api/account';
import { projectCommands, useContact, useProjectCommand } from '../../api/projects';
import type { CommandInput, Report } from '../../api/types';
import { useSession } from '../../auth/useSession';
import { CommandModal, TextField } from '../../components/CommandModal';
import { formatInstant } from '../../components/format';
import { useRegionLabel } from '../../components/RegionField';

interface HandOverForm {
  toWindow: string;
  reason: string;
}

/**
 * 首接负责制: who at the window answers for the project — the officer who first accepted it, or
 * the one it was handed over to — with its region and a way to reach them; the contact (or the
 * supervisor) hands it over to a window of another level or region (the API refuses the same).
 */
export function ContactField({ report: r }: { report: Report }) {
  const { t } = useTranslation();
  const s = useSession();
  const contact = useContact(r.id);
  const [open, setOpen] = useState(false);
  const regions = useRegionLabel();
  const c = contact.data?.contact;
  if (!c) return <Typography.Text type="secondary">{t('contact.none')}</Typography.Text>;
  const mayHandOver =
    r.status === 'IN_PROGRESS' &&
    ((s?.role === 'WINDOW_OFFICER' && s.username === c.username) || s?.role === 'SUPERVISOR');
  return (
    <Space wrap size={4}>
      <span>{c.displayName}</span>
      {c.region && <Typography.Text>{regions.label(c.region)}</Typography.Text>}
      {c.email && <Typography.Link href={`mailto:${c.email}`}>{c.email}</Typography.Link>}
      {contact.data?.since && (
        <Typography.Text type="secondary">
          {t('contact.since', { at: formatInstant(contact.data.since) })}
        </Typography.Text>
      )}
      {mayHandOver && (
        <Button size="small" onClick={() => setOpen(true)}>
          {t('contact.handOver')}
        </Button>
      )}
      {open && (
        <HandOverModal
          projectId={r.id}
          current={c.username}
          region={c.region?.code ?? null}
          onClose={() => setOpen(false)}
        />
      )}
    </Space>
  );
}

function HandOverModal({
  projectId,
  current,
  region,
  onClose,
}: {
  projectId: string;
  current: string;
  /** The contact's region: the project goes to a window of another one. */
  region: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const directory = useDirectory();
  const regions = useRegionLabel();
  const windows = (directory.data?.people ?? []).filter(
    (p) =>
      p.role === 'WINDOW_OFFICER' && !p.disabled && p.username !== current && p.region !== region,
  );
  const cmd = useProjectCommand(
    projectId,
    ({ values, key }: CommandInput<HandOverForm>) =>
      projectCommands.handOver(projectId, values, key),
    (v) =>
      t('contact.handedOver', {
        name: windows.find((w) => w.username === v.values.toWindow)?.displayName,
      }),
  );
  return (
    <CommandModal<HandOverForm>
      title={t('contact.handOverTitle')}
      command={cmd}
      onClose={onClose}
      extra={
        <Typography.Paragraph type="secondary">{t('contact.handOverHint')}</Typography.Paragraph>
      }
      fields={
        <>
          <Form.Item
            name="toWindow"
            label={t('contact.toWindow')}
            rules={[{ required: true, message: t('contact.toWindowRequired') }]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              loading={directory.isFetching}
              notFoundContent={t('contact.noOtherWindow')}
              options={windows.map((w) => ({
                value: w.username,
                label: `${w.displayName} · ${regions.of(w.region)}`,
              }))}
            />
          </Form.Item>
          <TextField
            name="reason"
            label={t('contact.reason')}
            required={t('contact.reasonRequired')}
          />
        </>
      }
    />
  );
}
