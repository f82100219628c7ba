import { Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { projectCommands, useProjectCommand } from '../../api/projects';
import type { CommandInput } from '../../api/types';
import { CommandModal, type ItemDialog, TextField } from '../../components/CommandModal';

interface Extension {
  days: number;
  reason: string;
}

/** A department head extends an item's limit (art. 42: at most 10 working days in all). */
export function ExtensionModal({ onClose, ...item }: ItemDialog) {
  const { t } = useTranslation();
  const { projectId, itemCode } = item;
  const extend = useProjectCommand(
    projectId,
    ({ values, key }: CommandInput<Extension>) =>
      projectCommands.extendItem(projectId, itemCode, values, key),
    () => t('done.extended', { item: item.itemName }),
  );
  return (
    <CommandModal<Extension>
      title={t('extension.title', { item: item.itemName })}
      command={extend}
      onClose={onClose}
      initialValues={{ days: 5 }}
      fields={
        <>
          <Form.Item
            name="days"
            label={t('extension.days')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <InputNumber min={1} max={10} style={{ width: '100%' }} />
          </Form.Item>
          <TextField
            name="reason"
            label={t('common.reason')}
            required={t('common.reasonRequired')}
          />
        </>
      }
    />
  );
}
