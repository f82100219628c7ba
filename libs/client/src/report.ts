/**
 * The project report as the API sends it (GET /api/projects/:id, and what a command answers):
 * libs/approval's `ProjectReport`, with its items typed (the builder lists them as `unknown[]`).
 */
import type {
  Deficiency,
  ItemClock,
  ItemState,
  Pause,
  ProjectReport as BuiltReport,
} from '../../approval/src';

/** One item of a stage's theme, as libs/approval's buildReport writes it. */
export type ItemReport = Pick<
  ItemState,
  'code' | 'name' | 'department' | 'status' | 'taskId' | 'round'
> & {
  clock: Pick<ItemClock, 'limitDays' | 'usedDays' | 'remainingDays' | 'dueDate' | 'risk'>;
  deficiencies: Deficiency[];
  pause: Pause | null;
};

type BuiltStage = BuiltReport['stages'][number];
type BuiltTheme = BuiltStage['themes'][number];

export type ThemeReport = Omit<BuiltTheme, 'items'> & { items: ItemReport[] };
export type StageReport = Omit<BuiltStage, 'themes'> & { themes: ThemeReport[] };
export type ProjectReport = Omit<BuiltReport, 'stages'> & { stages: StageReport[] };

/** The report's items, of one stage or of all, each with its stage's code. */
export function itemsOf(
  report: Pick<ProjectReport, 'stages'>,
  stage?: string,
): (ItemReport & { stage: StageReport['code'] })[] {
  return report.stages
    .filter((s) => stage === undefined || s.code === stage)
    .flatMap((s) => s.themes.flatMap((t) => t.items.map((i) => ({ ...i, stage: s.code }))));
}
