import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMaterials } from '../../api/materials';
import type { ItemMaterials, ProjectMaterial, StageCode } from '../../api/types';
import { useLocalName } from '../../components/materials/MaterialTags';
import { toHandIn } from '../../components/materials/rules';
import { Note } from '../../components/Note';

type Named = { item: ItemMaterials; m: ProjectMaterial };

/**
 * What a stage (or, handed in per theme, the theme's `items`) still lacks before its submission,
 * from the data (the API refuses the same): required materials without a file, and those the
 * window may accept missing (容缺).
 */
export function useStageGaps(projectId: string, stage: StageCode, items?: string[]) {
  const list = useMaterials(projectId);
  const gaps = (list.data?.items ?? [])
    .filter((i) => i.stage === stage && i.status === 'PENDING')
    .filter((i) => !items || items.includes(i.code))
    .flatMap((item) => item.materials.filter(toHandIn).map((m) => ({ item, m })));
  return {
    loaded: !!list.data,
    blocking: gaps.filter((g) => !g.m.deficiencyAllowed),
    deficiency: gaps.filter((g) => g.m.deficiencyAllowed),
  };
}

function Names({ list, state }: { list: Named[]; state?: (m: ProjectMaterial) => string }) {
  const name = useLocalName();
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
      {list.map(({ item, m }) => (
        <li key={`${item.code}/${m.code}`}>
          {name(item)} · {name(m)}
          {state ? ` — ${state(m)}` : ''}
        </li>
      ))}
    </ul>
  );
}

/** The stage submission's dialog: which materials are missing, before the click. */
export function StageGaps({
  projectId,
  stage,
  items,
}: {
  projectId: string;
  stage: StageCode;
  items?: string[];
}) {
  const { t } = useTranslation();
  const g = useStageGaps(projectId, stage, items);
  if (!g.loaded) return null;
  return (
    <div style={{ marginBottom: 12 }}>
      {g.blocking.length > 0 && (
        <Note
          type="error"
          gap={8}
          message={t('submission.missing')}
          description={
            <>
              <Names list={g.blocking} />
              <Typography.Text type="secondary">{t('submission.where')}</Typography.Text>
            </>
          }
        />
      )}
      {g.deficiency.length > 0 && (
        <Note
          type="info"
          gap={8}
          message={t('submission.deficiency')}
          description={<Names list={g.deficiency} />}
        />
      )}
      {g.blocking.length === 0 && g.deficiency.length === 0 && (
        <Alert
          role="note"
          type="success"
          showIcon
          message={t(items ? 'submission.completeTheme' : 'submission.complete')}
        />
      )}
    </div>
  );
}

/**
 * A supplement answer's or a 容缺 delivery's dialog: the materials asked for and whether each
 * has its new file yet (the API refuses the answer until each has).
 */
export function ItemGaps({
  projectId,
  itemCode,
  kind,
}: {
  projectId: string;
  itemCode: string;
  kind: 'ANSWER_SUPPLEMENT' | 'DELIVER_DEFICIENCY';
}) {
  const { t } = useTranslation();
  const list = useMaterials(projectId);
  const item = list.data?.items.find((i) => i.code === itemCode);
  if (!item) return null;
  const asked =
    kind === 'ANSWER_SUPPLEMENT'
      ? item.materials.filter(
          (m) => m.status === 'NEEDS_CORRECTION' || (m.status === 'UPLOADED' && m.round > 1),
        )
      : // The promised ones still to hand in (those handed in already need nothing more).
        item.materials.filter(toHandIn);
  if (!asked.length) return null;
  const missing = asked.some(toHandIn);
  return (
    <Alert
      role="note"
      type={missing ? 'warning' : 'success'}
      showIcon
      style={{ marginBottom: 12 }}
      message={kind === 'ANSWER_SUPPLEMENT' ? t('submission.asked') : t('submission.promised')}
      description={
        <>
          <Names
            list={asked.map((m) => ({ item, m }))}
            state={(m) =>
              toHandIn(m)
                ? kind === 'ANSWER_SUPPLEMENT'
                  ? t('submission.newVersionMissing')
                  : t('submission.notHandedIn')
                : kind === 'ANSWER_SUPPLEMENT'
                  ? t('submission.newVersionIn')
                  : t('submission.handedIn')
            }
          />
          {missing && <Typography.Text type="secondary">{t('submission.where')}</Typography.Text>}
        </>
      }
    />
  );
}
