import type { WorkingDayCalendar } from '../../calendar/src/core';
import { themeNames } from '../../domain/src';
import { computeItemClocks, projectClock, stageUsedDays } from './clock';
import { nextActions } from './next-actions';
import type { ItemClock, ProjectClock } from './clock';
import type { MaterialState } from './material-state';
import type { ItemState, ProjectState, ThemeAcceptance } from './types';

/** The project report of docs/design.md §6, for `today` (the clock grows every working day). */
export function buildReport(state: ProjectState, cal: WorkingDayCalendar, today: string) {
  const clocks = computeItemClocks(state, cal, today);
  return {
    ...projectSummary(state, cal, today, clocks),
    /** 一次受理 per theme: each theme of a stage is handed in and accepted on its own. */
    acceptPerTheme: state.acceptPerTheme === true,
    stages: stageReports(state, cal, today, clocks),
    jointProcedures: state.jointProcedures,
  };
}

/**
 * The project and its clock without the stages and items: what a list shows, for about a third
 * of the report's cost.
 */
export function projectSummary(
  state: ProjectState,
  cal: WorkingDayCalendar,
  today: string,
  clocks = computeItemClocks(state, cal, today),
) {
  const clock = projectClock(state, cal, today, clocks);
  return {
    id: state.projectId,
    name: state.name,
    type: state.type,
    region: state.region,
    catalogueVersion: state.catalogueVersion ?? null,
    ownerOrganisation: state.ownerOrganisation,
    stage: state.stage,
    status: state.status,
    asOf: today,
    calendarVersion: cal.version,
    clock: clockReport(clock),
    nextActions: nextActions(state),
  };
}

function stageReports(
  state: ProjectState,
  cal: WorkingDayCalendar,
  today: string,
  clocks: ReturnType<typeof computeItemClocks>,
) {
  return state.stages.map((s) => {
    const items = state.items.filter((i) => i.stage === s.code);
    const themes: {
      code: string;
      name: string;
      nameEn: string;
      items: ReturnType<typeof itemReport>[];
      acceptance: ThemeStanding | null;
    }[] = [];
    for (const i of items) {
      let theme = themes.find((t) => t.code === i.theme);
      // The English name from the run's input (older runs: from the built-in catalogue).
      if (!theme) {
        const nameEn = i.themeNameEn ?? themeNames(i.theme, i.themeName).en;
        // 一次受理 per theme: where the theme stands (null where the stage is accepted whole).
        const acceptance = state.acceptPerTheme
          ? (s.themes?.[i.theme] ?? { status: 'NOT_STARTED' as const })
          : null;
        themes.push((theme = { code: i.theme, name: i.themeName, nameEn, items: [], acceptance }));
      }
      theme.items.push(itemReport(i, clocks.get(i.code)!));
    }
    return {
      code: s.code,
      status: s.status,
      submittedOn: s.submittedOn ?? null,
      acceptedOn: s.acceptedOn ?? null,
      completedOn: s.completedOn ?? null,
      returnReason: s.returnReason ?? null,
      preReviewedOn: s.preReviewedOn ?? null,
      usedDays: stageUsedDays(state, s.code, cal, today),
      themes,
    };
  });
}

/** A theme's standing in a stage accepted per theme: NOT_STARTED until handed in. */
type ThemeStanding =
  ThemeAcceptance | { status: 'NOT_STARTED'; submittedOn?: undefined; acceptedOn?: undefined };

/** One item of the report: its state, its clock for today, and what the Gantt chart draws. */
export function itemReport(i: ItemState, c: ItemClock) {
  return {
    code: i.code,
    name: i.name,
    nameEn: i.nameEn,
    department: i.department,
    jointProcedure: i.jointProcedure,
    status: i.status,
    taskId: i.taskId,
    round: i.round,
    clock: {
      limitDays: c.limitDays,
      usedDays: c.usedDays,
      remainingDays: c.remainingDays,
      dueDate: c.dueDate,
      risk: c.risk,
    },
    deficiencies: i.deficiencies.filter((d) => d.status !== 'DELIVERED'),
    pause: i.pauses.find((p) => p.to === undefined) ?? null,
    /** When this round's clock first ran (the stage's acceptance). */
    startedOn: i.intervals[0]?.from ?? null,
    decidedOn: i.decidedOn ?? null,
    /** The items it waits for (a PENDING item names them). */
    prerequisites: [...i.prerequisites],
    pauses: i.pauses,
    /** What the item asks for, and where each material stands (files: GET …/materials). */
    materials: (i.materials ?? []).map(materialReport),
    /** 告知承诺制: working days to the follow-up check; null when the item is not eligible. */
    commitmentCheckDays: i.commitmentCheckDays ?? null,
    /** The approval on commitment: the text, the check's due date and its result. */
    onCommitment: i.onCommitment ?? null,
  };
}

/** A material as the report shows it (the materials list adds its files and verdict). */
export function materialReport(m: MaterialState) {
  return {
    code: m.code,
    name: m.name,
    nameEn: m.nameEn,
    required: m.required,
    status: m.status,
    round: m.round,
    source: m.source ?? 'APPLICANT',
    producedBy: m.producedBy ?? null,
    deficiencyAllowed: m.deficiencyAllowed === true,
    reason: m.reason ?? [],
    correction: m.correction ?? null,
  };
}

export type ProjectReport = ReturnType<typeof buildReport>;
export type ItemReport = ReturnType<typeof itemReport>;

/** The project clock as the report shows it (also what a command's answer carries). */
export function clockReport(clock: ProjectClock) {
  return {
    limitDays: clock.limitDays,
    usedDays: clock.usedDays,
    remainingDays: clock.remainingDays,
    pausedDays: clock.pausedDays,
    percentUsed: clock.percentUsed,
    risk: clock.risk,
    dueDate: clock.dueDate,
    overdueDays: clock.overdueDays,
    projectedCompletionDate: clock.projectedCompletionDate,
    provisional: clock.provisional,
  };
}

export type ClockReport = ReturnType<typeof clockReport>;
