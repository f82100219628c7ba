import type { Checklist } from '../../domain/src';
import type { ProjectWorkflowInput } from './types';

/** The checklist's items as the project workflow takes them (a snapshot of the catalog). */
export function workflowItems(list: Checklist): ProjectWorkflowInput['items'] {
  return list.stages.flatMap((stage) =>
    stage.themes.flatMap((theme) =>
      theme.items.map((i) => ({
        code: i.code,
        name: i.name,
        nameEn: i.nameEn,
        department: i.department,
        stage: i.stage,
        theme: theme.code,
        themeName: theme.name,
        limitDays: i.limitDays,
        statutoryLimitDays: i.statutoryLimitDays,
        prerequisites: [...i.prerequisites],
        jointProcedure: i.jointProcedure,
      })),
    ),
  );
}
