import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StageCode } from '../../api/types';
import { DocumentModal } from '../../components/DocumentModal';
import type { Decide } from './AcceptanceModal';

/** What the window just decided on a stage: the queue says so when it comes back. */
export interface WindowDone {
  how: Decide;
  projectId: string;
  stage: StageCode;
  project: string;
}

/**
 * Above the queue after a decision: what was done, and for an acceptance the receipt (受理单)
 * to print and hand over, so the row that left the queue is not simply gone.
 */
export function WindowDoneAlert({ done, onClose }: { done: WindowDone; onClose: () => void }) {
  const { t } = useTranslation();
  const [print, setPrint] = useState(false);
  const stage = t(`stage.${done.stage}`);
  const receipt = t('documents.receiptOf', { stage });
  return (
    <>
      <Alert
        type="success"
        showIcon
        closable
        onClose={onClose}
        role="status"
        message={t(`done.${done.how}`, { project: done.project, stage })}
        action={
          done.how !== 'RETURN' && (
            <Button icon={<PrinterOutlined />} onClick={() => setPrint(true)}>
              {t('done.printReceipt')}
            </Button>
          )
        }
      />
      {print && (
        <DocumentModal
          projectId={done.projectId}
          doc={{ kind: 'receipt', stage: done.stage }}
          title={receipt}
          onClose={() => setPrint(false)}
        />
      )}
    </>
  );
}
