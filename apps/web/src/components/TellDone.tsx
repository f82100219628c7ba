import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Report } from '../api/types';
import { useSession } from '../auth/useSession';
import { actionsOf, useActionLabel } from './NextActions';

/**
 * What a person is told after a command: what happened, and what comes next for their side of
 * the project (the first of their next actions in the report the command answered, or that the
 * other side acts now). A status message (role="status"), so a screen reader says it too.
 */
export function useTellDone() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const label = useActionLabel();
  const role = useSession()?.role ?? '';
  return (done: string, report?: Report) => {
    const next = report ? nextOf(actionsOf(role, report.nextActions), report) : undefined;
    void message.open({
      type: 'success',
      duration: 8,
      content: (
        <span role="status">
          {done}
          {next !== undefined && (
            <> {next ? t('done.next', { next: label(next) }) : t('done.nextOther')}</>
          )}
        </span>
      ),
    });
  };
}

const nextOf = <A,>(mine: A[], report: Report): A | null | undefined =>
  report.status !== 'IN_PROGRESS' ? undefined : (mine[0] ?? null);
