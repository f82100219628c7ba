/** The project report as the API sends it (GET /api/projects/:id, and what a command answers). */
import type { ItemReport, ProjectReport } from '../../approval/src';

export type { ItemReport, ProjectReport };
export type StageReport = ProjectReport['stages'][number];
export type ThemeReport = StageReport['themes'][number];

/** The report's items, of one stage or of all, each with its stage's code. */
export function itemsOf(
  report: Pick<ProjectReport, 'stages'>,
  stage?: string,
): (ItemReport & { stage: StageReport['code'] })[] {
  return report.stages
    .filter((s) => stage === undefined || s.code === stage)
    .flatMap((s) => s.themes.flatMap((t) => t.items.map((i) => ({ ...i, stage: s.code }))));
}
