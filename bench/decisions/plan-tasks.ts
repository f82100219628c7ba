/**
 * Projects with PLAN items under review, made through the API as people make them (the demo
 * applicant creates and submits, the demo window officer accepts): the decisions benchmark's
 * and the day-boundary benchmark's officers decide on them.
 */
import { handInStage, itemsOf, type ProjectReport as Report } from '../../libs/client/src';
import { ApiClient, runLoad } from '../lib';

/** A logistics park: six PLAN items without prerequisites, in DRC (2), NRP, EEB, WRB, CHB. */
export const LOGISTICS_PARK = {
  projectType: 'SOCIAL_INVESTMENT',
  landAcquisition: 'GRANT',
  regionalAssessment: 'NO',
  eiaCategory: 'REPORT',
  civilAirDefence: 'NO',
  fireSpecial: 'NO',
  belowPermitThreshold: 'NO',
  utilities: [],
  municipalWorks: [],
  culturalRelics: 'YES',
};

export interface Task {
  taskId: string;
  projectId: string;
  itemCode: string;
  department: string;
}

/**
 * `count` logistics parks with PLAN accepted; their items under review, item after item across
 * projects, so that decisions in flight together are on different projects.
 */
export async function preparePlanTasks(
  api: ApiClient,
  tokens: { applicant: string; window: string },
  label: string,
  count: number,
  runId: string,
): Promise<Task[]> {
  const perProject: Task[][] = [];
  const r = await runLoad({
    label,
    concurrency: 20,
    total: count,
    failFast: true,
    op: async (i) => {
      const created = await api.post<Report>(
        '/api/projects',
        { name: `物流园 ${label} #${i}`, answers: LOGISTICS_PARK },
        {
          token: tokens.applicant,
          key: `bench-${runId}-${label.replace(/[^A-Za-z0-9]/g, '')}-${i}`,
        },
      );
      await handInStage(api, tokens.applicant, created.id, 'PLAN');
      await api.post(
        `/api/projects/${created.id}/stages/PLAN/submission`,
        { note: 'bench' },
        { token: tokens.applicant },
      );
      const accepted = await api.post<Report>(
        `/api/projects/${created.id}/stages/PLAN/acceptance`,
        { decision: 'ACCEPT' },
        { token: tokens.window },
      );
      const items = itemsOf(accepted, 'PLAN');
      const open = items.filter((it) => it.status === 'UNDER_REVIEW');
      if (open.length !== items.length || open.length === 0)
        throw new Error(
          `project ${created.id}: PLAN items ${JSON.stringify(items.map((it) => [it.code, it.status]))}`,
        );
      perProject[i] = open.map((it) => ({
        taskId: it.taskId,
        projectId: created.id,
        itemCode: it.code,
        department: it.department,
      }));
    },
  });
  if (r.completed !== count)
    throw new Error(`${label}: ${r.completed} of ${count} projects prepared`);
  const width = Math.max(...perProject.map((p) => p.length));
  const tasks: Task[] = [];
  for (let k = 0; k < width; k++) for (const p of perProject) if (p[k]) tasks.push(p[k]);
  return tasks;
}
