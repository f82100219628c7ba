import { Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectMaterial, RequirementMaterial } from '../../api/types';
import { useNames } from '../names';
import { useTones } from '../tones';
import { FileRounds } from './FileRounds';
import { MaterialFacts } from './MaterialFacts';
import { DeficiencyTag, MaterialStatusTag, useLocalName } from './MaterialTags';
import { byApplicant } from './rules';
import { Note } from '../Note';

/**
 * One material of a project's item as everyone sees it: its name, status and 容缺 mark, what
 * was asked again and why, the last verdict, why it is needed and who provides it, its files by
 * round; `children` is what the reader can do with it (upload, judge, pick).
 */
export function MaterialBlock({
  m,
  requirement,
  itemName,
  promisedBy,
  onOpenResult,
  onRemoveFile,
  removing,
  extra,
  children,
}: {
  m: ProjectMaterial;
  /** Its entry in the 一次性告知书: paper copies and the acceptance standard. */
  requirement?: RequirementMaterial;
  itemName: (code: string) => string;
  /** The date a 容缺 acceptance promised it by. */
  promisedBy?: string;
  onOpenResult?: () => void;
  onRemoveFile?: Parameters<typeof FileRounds>[0]['onRemove'];
  removing?: boolean;
  /** Beside the name: the reader's controls that fit on one line. */
  extra?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const tones = useTones();
  const name = useLocalName();
  const { person } = useNames();
  const verdict = m.verdict;
  return (
    <div style={{ width: '100%' }}>
      <Space wrap size={[8, 4]} style={{ marginBottom: 4 }}>
        <Typography.Text strong>{name(m)}</Typography.Text>
        {m.producedBy && m.status === 'MISSING' ? (
          <Tag color={tones.waiting}>{t('materials.awaitingResult')}</Tag>
        ) : (
          <MaterialStatusTag status={m.status} />
        )}
        {m.deficiencyAllowed && byApplicant(m) && <DeficiencyTag />}
        {promisedBy && (
          <Tag color={tones.warn}>{t('materials.promised', { date: promisedBy })}</Tag>
        )}
        {extra}
      </Space>
      {m.status === 'NEEDS_CORRECTION' && (
        <Note
          type="warning"
          gap={8}
          message={
            // Judged in this round, or asked for again in a new one (a return, a supplement).
            m.files.some((f) => f.round === m.round)
              ? `${t('materials.verdict')}: ${t('materials.status.NEEDS_CORRECTION')}`
              : t('materials.newVersion', { round: m.round })
          }
          description={m.correction ?? verdict?.reason}
        />
      )}
      {verdict && m.status !== 'NEEDS_CORRECTION' && (
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          {t('materials.verdict')}:{' '}
          {t('materials.verdictOf', {
            verdict: t(`materials.status.${verdict.status}`),
            by: person(verdict.by),
            on: verdict.on,
          })}
          {verdict.reason ? ` — ${verdict.reason}` : ''}
        </Typography.Paragraph>
      )}
      <MaterialFacts
        m={{ ...m, ...requirement, producedBy: m.producedBy, source: m.source }}
        itemName={itemName}
        result={m.result}
        onOpenResult={onOpenResult}
      />
      {byApplicant(m) && (
        <FileRounds files={m.files} round={m.round} onRemove={onRemoveFile} removing={removing} />
      )}
      {children}
    </div>
  );
}
