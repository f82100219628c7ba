import { Button, Card, Descriptions, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { projectCommands, useProjectCommand } from '../../api/projects';
import type { CommandInput, Report } from '../../api/types';
import { useSession } from '../../auth/useSession';
import { CommandModal } from '../../components/CommandModal';
import { type MasterDataForm, MasterDataFields, masterDataBody } from './MasterDataFields';

const EDITORS = new Set(['APPLICANT', 'AGENT', 'ADMIN']);

/** Whether the API still takes changes: until the window accepted the PLAN stage. */
const editable = (r: Report) =>
  r.status === 'IN_PROGRESS' && !r.stages.find((s) => s.code === 'PLAN')?.acceptedOn;

/** The project's identity and master data, and their change while the PLAN stage is not accepted. */
export function MasterDataPanel({ report: r }: { report: Report }) {
  const { t, i18n } = useTranslation();
  const role = useSession()?.role;
  const [open, setOpen] = useState(false);
  const cmd = useProjectCommand(
    r.id,
    ({ values }: CommandInput<MasterDataForm>) =>
      projectCommands.editMasterData(r.id, masterDataBody(values, true)),
    () => t('masterData.saved'),
  );
  const num = (n: number | undefined, unit: string) =>
    n === undefined ? '—' : `${n.toLocaleString(i18n.language)} ${unit}`;
  const units = r.constructionUnits ?? [];
  return (
    <Card size="small">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'code', label: t('masterData.projectCode'), children: r.projectCode ?? '—' },
          {
            key: 'units',
            label: t('masterData.units'),
            children: units.length
              ? units.map((u) => (
                  <div key={u.creditCode}>
                    {u.name}（{u.creditCode}）
                  </div>
                ))
              : '—',
          },
          {
            key: 'investment',
            label: t('masterData.totalInvestment'),
            children: num(r.totalInvestment, t('masterData.tenThousandYuan')),
          },
          { key: 'land', label: t('masterData.landArea'), children: num(r.landArea, 'm²') },
          { key: 'floor', label: t('masterData.floorArea'), children: num(r.floorArea, 'm²') },
          { key: 'address', label: t('masterData.address'), children: r.address ?? '—' },
          {
            key: 'nature',
            label: t('masterData.constructionNature'),
            children: r.constructionNature ? t(`nature.${r.constructionNature}`) : '—',
          },
          {
            key: 'funding',
            label: t('masterData.fundingSource'),
            children: r.fundingSource ? t(`funding.${r.fundingSource}`) : '—',
          },
        ]}
      />
      {role && EDITORS.has(role) && editable(r) && (
        <Button style={{ marginTop: 8 }} onClick={() => setOpen(true)}>
          {t('masterData.edit')}
        </Button>
      )}
      {role && EDITORS.has(role) && !editable(r) && r.status === 'IN_PROGRESS' && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('masterData.lockedHint')}
        </Typography.Paragraph>
      )}
      {open && (
        <CommandModal<MasterDataForm>
          title={t('masterData.edit')}
          command={cmd}
          onClose={() => setOpen(false)}
          initialValues={{
            ...r,
            constructionUnits: units.length ? units : [{}],
          }}
          fields={<MasterDataFields />}
        />
      )}
    </Card>
  );
}
