import { Checkbox, DatePicker, Form, Input, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Acceptance, ItemMaterials, ProjectMaterial, StageCode } from '../../api/types';
import { type Command, CommandModal, TextField } from '../../components/CommandModal';
import { useLocalName } from '../../components/materials/MaterialTags';
import { byApplicant } from '../../components/materials/rules';
import { todayInShanghai } from '../../components/format';
import { Note } from '../../components/Note';

export type Decide = 'ACCEPT' | 'DEFICIENCY' | 'RETURN';

interface Values {
  reason?: string;
  /** `itemCode/materialCode` of each ticked material. */
  picked?: string[];
  reasons?: Record<string, string | undefined>;
  dueDate?: Dayjs;
}

const keyOf = (item: { code: string }, m: { code: string }) => `${item.code}/${m.code}`;
const split = (k: string) => {
  const [itemCode, materialCode] = k.split('/');
  return { itemCode, materialCode };
};

/** The acceptance body of what the window officer chose (of one theme, accepted per theme). */
function bodyOf(decide: Decide, v: Values, theme?: string): Acceptance {
  return { ...decisionOf(decide, v), ...(theme ? { theme } : {}) };
}

function decisionOf(decide: Decide, v: Values): Acceptance {
  const picked = v.picked ?? [];
  if (decide === 'RETURN')
    return {
      decision: 'RETURN',
      reason: v.reason?.trim() ?? '',
      materials: picked.map((k) => ({ ...split(k), reason: v.reasons?.[k]?.trim() || undefined })),
    };
  if (decide === 'ACCEPT') return { decision: 'ACCEPT' };
  const byItem = new Map<string, string[]>();
  for (const k of picked) {
    const { itemCode, materialCode } = split(k);
    byItem.set(itemCode, [...(byItem.get(itemCode) ?? []), materialCode]);
  }
  const dueDate = v.dueDate?.format('YYYY-MM-DD') ?? '';
  return {
    decision: 'ACCEPT',
    deficiencies: [...byItem].map(([itemCode, materials]) => ({ itemCode, materials, dueDate })),
  };
}

/**
 * Accept, accept with deficiency (the missing 容缺 materials ticked, a commitment date) or return
 * (a reason, the materials to hand in again ticked, a reason each): one dialog per choice.
 */
export function AcceptanceModal({
  decide,
  stage,
  theme,
  items,
  missing,
  command,
  onClose,
  onDone,
}: {
  decide: Decide;
  stage: StageCode;
  /** 一次受理 per theme: the theme decided on, and its name. */
  theme?: { code: string; label: string };
  items: ItemMaterials[];
  missing: { item: ItemMaterials; m: ProjectMaterial }[];
  command: Command<Acceptance>;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const name = useLocalName();
  const sendAs: Command<Values> = {
    ...command,
    mutate: ({ values, key }, opts) =>
      command.mutate(
        { values: bodyOf(decide, values, theme?.code), key },
        {
          onSuccess: () => {
            opts?.onSuccess?.();
            onDone();
          },
        },
      ),
  };
  const eligible = missing.filter((x) => x.m.deficiencyAllowed);
  const notCovered = missing.filter((x) => !x.m.deficiencyAllowed);
  const stageName = t(`stage.${stage}`);
  const group = (list: { item: ItemMaterials; m: ProjectMaterial }[]) =>
    items
      .map((item) => ({ item, ms: list.filter((x) => x.item.code === item.code).map((x) => x.m) }))
      .filter((g) => g.ms.length > 0)
      .map(({ item, ms }) => (
        <div key={item.code} style={{ marginBottom: 8 }}>
          <Typography.Text strong>{name(item)}</Typography.Text>
          {ms.map((m) => (
            <div key={m.code}>
              <Checkbox value={keyOf(item, m)}>{name(m)}</Checkbox>
              {decide === 'RETURN' && (
                // Inside the dialog's form: shown once the material is ticked.
                <Form.Item noStyle dependencies={['picked']}>
                  {({ getFieldValue }) =>
                    (getFieldValue('picked') as string[] | undefined)?.includes(keyOf(item, m)) && (
                      <Form.Item
                        name={['reasons', keyOf(item, m)]}
                        style={{ margin: '4px 0 8px 24px' }}
                      >
                        <Input
                          aria-label={t('windowReview.materialReason', { material: name(m) })}
                          placeholder={t('windowReview.materialReasonPlaceholder')}
                          maxLength={500}
                        />
                      </Form.Item>
                    )
                  }
                </Form.Item>
              )}
            </div>
          ))}
        </div>
      ));

  const fields =
    decide === 'ACCEPT' ? null : decide === 'DEFICIENCY' ? (
      <>
        {notCovered.length > 0 && (
          <Note
            type="warning"
            gap={12}
            message={t('windowReview.notCovered')}
            description={notCovered.map((x) => `${name(x.item)} · ${name(x.m)}`).join('；')}
          />
        )}
        <Form.Item
          name="picked"
          label={t('windowReview.deficiencyMaterials')}
          rules={[{ required: true, message: t('windowReview.pickOne') }]}
        >
          <Checkbox.Group style={{ display: 'block' }}>{group(eligible)}</Checkbox.Group>
        </Form.Item>
        <Form.Item
          name="dueDate"
          label={t('windowReview.dueDate')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => d.format('YYYY-MM-DD') <= todayInShanghai()}
          />
        </Form.Item>
      </>
    ) : (
      <>
        <TextField
          name="reason"
          label={t('stages.returned')}
          required={t('common.reasonRequired')}
        />
        <Form.Item name="picked" label={t('windowReview.returnMaterials')}>
          <Checkbox.Group style={{ display: 'block' }}>
            {group(
              items.flatMap((item) => item.materials.filter(byApplicant).map((m) => ({ item, m }))),
            )}
          </Checkbox.Group>
        </Form.Item>
      </>
    );

  return (
    <CommandModal<Values>
      title={
        theme
          ? t(`windowReview.${decide}ThemeTitle`, { theme: theme.label })
          : decide === 'RETURN'
            ? t('windowReview.returnTitle', { stage: stageName })
            : decide === 'DEFICIENCY'
              ? t('windowReview.deficiencyTitle')
              : t('windowReview.acceptTitle', { stage: stageName })
      }
      command={sendAs}
      okDanger={decide === 'RETURN'}
      onClose={onClose}
      initialValues={{
        picked: (decide === 'DEFICIENCY' ? eligible : decide === 'RETURN' ? missing : []).map((x) =>
          keyOf(x.item, x.m),
        ),
      }}
      extra={
        <Typography.Paragraph type="secondary">
          {decide === 'RETURN'
            ? t('windowReview.returnHint')
            : decide === 'DEFICIENCY'
              ? t('windowReview.deficiencyHint')
              : t('windowReview.acceptHint')}
        </Typography.Paragraph>
      }
      fields={fields}
    />
  );
}
