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
        themeNameEn: theme.nameEn,
        limitDays: i.limitDays,
        statutoryLimitDays: i.statutoryLimitDays,
        prerequisites: [...i.prerequisites],
        jointProcedure: i.jointProcedure,
        ...(i.commitmentCheckDays !== undefined
          ? { commitmentCheckDays: i.commitmentCheckDays }
          : {}),
        materials: i.materials.map((m) => ({
          code: m.code,
          name: m.name,
          nameEn: m.nameEn,
          required: m.required,
          ...(m.producedBy ? { producedBy: m.producedBy } : {}),
          ...(m.deficiencyAllowed ? { deficiencyAllowed: true } : {}),
          ...(m.source !== 'APPLICANT' ? { source: m.source } : {}),
          ...(m.reason.length ? { reason: [...m.reason] } : {}),
        })),
      })),
    ),
  );
}
