import { FilePdfOutlined } from '@ant-design/icons';
import { List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { downloadPreviewRequirements } from '../../api/materials';
import type { ChecklistItem } from '../../api/types';
import { SaveButton } from '../../components/SaveButton';
import { MaterialFacts } from '../../components/materials/MaterialFacts';
import { DeficiencyTag, useLocalName } from '../../components/materials/MaterialTags';
import { useTones } from '../../components/tones';

/** A checklist item's materials: needed or waived and why, who provides each, paper, standard. */
export function ChecklistMaterials({
  item,
  itemName,
}: {
  item: ChecklistItem;
  itemName: (code: string) => string;
}) {
  const { t } = useTranslation();
  const tones = useTones();
  const name = useLocalName();
  return (
    <List
      size="small"
      dataSource={item.materials}
      renderItem={(m) => (
        <List.Item key={m.code} style={{ paddingInline: 0 }}>
          <div style={{ width: '100%' }}>
            <Space wrap size={[8, 4]}>
              <Typography.Text strong>{name(m)}</Typography.Text>
              <Tag color={m.required ? tones.info : tones.muted}>
                {m.required ? t('materials.required') : t('materials.waived')}
              </Tag>
              {m.required && m.deficiencyAllowed && <DeficiencyTag />}
            </Space>
            <MaterialFacts m={m} itemName={itemName} />
          </div>
        </List.Item>
      )}
    />
  );
}

/** How many materials an item asks for (the waived left out): the line that opens them. */
export function materialCount(item: ChecklistItem): number {
  return item.materials.filter((m) => m.required).length;
}

/** The 一次性告知书 of the answers, as a PDF, before the project exists. */
export function PreviewRequirementsButton({
  answers,
  region,
}: {
  answers: Record<string, unknown>;
  /** The region whose catalogue the checklist came from (the default region when absent). */
  region?: string;
}) {
  const { t } = useTranslation();
  return (
    <SaveButton
      icon={<FilePdfOutlined />}
      save={() => downloadPreviewRequirements({ answers, ...(region ? { region } : {}) })}
    >
      {t('materials.requirementsPdf')}
    </SaveButton>
  );
}
