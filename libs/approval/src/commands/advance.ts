/**
 * How a stage moves on: when a stage is accepted or one of its items is decided, the items
 * whose prerequisites are done start, and a stage whose items are all done completes (the next
 * stage waits for the applicant's submission; the last one completes the project).
 */
import type { StageCode } from '../../../domain/src';
import { startClock } from '../item-clock';
import { isMissing } from '../materials';
import * as notices from '../notices';
import type { Outbox } from '../outbox';
import { isDone } from '../statuses';
import type { ProjectState, StageState } from '../types';
import { stageOf } from './guards';
import { handInThemes, themeAccepted, themesOf } from './themes';

/** Whether the item still waits for a prerequisite (it starts when they are done). */
export const pendingStart = (state: ProjectState, item: ProjectState['items'][number]) =>
  !item.prerequisites.every((p) =>
    isDone(state.items.find((i) => i.code === p)?.status ?? 'APPROVED'),
  );

/**
 * Items of the stage whose prerequisites are done start when the stage (or, accepted per theme,
 * their theme) has been accepted.
 */
function startReadyItems(state: ProjectState, stage: StageCode, on: string, out: Outbox) {
  const s = stageOf(state, stage);
  for (const item of state.items) {
    if (item.stage !== stage || (item.status !== 'PENDING' && item.status !== 'SUBMITTED'))
      continue;
    if (!themeAccepted(s, item)) continue;
    if (pendingStart(state, item)) {
      item.status = 'PENDING';
      continue;
    }
    startClock(item, on);
    out.event('ITEM_STARTED', { stage, itemCode: item.code, clockEffect: 'STARTED' });
  }
}

export function advance(state: ProjectState, today: string, out: Outbox) {
  for (;;) {
    const stage = stageOf(state, state.stage);
    if (stage.status === 'IN_REVIEW') startReadyItems(state, stage.code, today, out);
    const items = state.items.filter((i) => i.stage === stage.code);
    if (stage.status === 'IN_REVIEW' || stage.status === 'BLOCKED') {
      stage.status = items.some((i) => i.status === 'REJECTED') ? 'BLOCKED' : 'IN_REVIEW';
    }
    const complete =
      items.every((i) => isDone(i.status)) && (stage.status === 'IN_REVIEW' || items.length === 0);
    if (!complete) return;
    stage.status = 'COMPLETED';
    stage.completedOn = today;
    out.event('STAGE_COMPLETED', { stage: stage.code });
    const next = state.stages[state.stages.indexOf(stage) + 1];
    if (!next) {
      state.status = 'COMPLETED';
      state.closedOn = today;
      out.event('PROJECT_COMPLETED', { clockEffect: 'ENDED' });
      return;
    }
    state.stage = next.code;
    if (!state.items.some((i) => i.stage === next.code))
      next.status = 'IN_REVIEW'; // nothing to do there
    else if (next.preReviewedOn === undefined || !handInPreReviewed(state, next, today, out))
      return;
  }
}

/**
 * A pre-reviewed stage is handed in the day the previous one completes; the catalogue's policy
 * may accept it at once too (when nothing is missing). Whether it was accepted.
 */
function handInPreReviewed(state: ProjectState, next: StageState, today: string, out: Outbox) {
  next.status = 'SUBMITTED';
  next.submittedOn = today;
  next.submissions += 1;
  const items = state.items.filter((i) => i.stage === next.code);
  if (state.acceptPerTheme) {
    // Accepted per theme: each theme that was pre-reviewed is handed in on its own.
    const themes = themesOf(state, next.code).filter((t) =>
      items.some((i) => i.theme === t && i.status === 'PRE_REVIEW'),
    );
    for (const i of items) if (i.status === 'PRE_REVIEW') i.status = 'PENDING';
    handInThemes(state, next, themes, today, true);
  } else for (const i of items) if (i.status === 'PRE_REVIEW') i.status = 'SUBMITTED';
  out.event('STAGE_SUBMITTED', {
    stage: next.code,
    detail: { preReviewed: true, submission: next.submissions },
  });
  const complete = items.every((i) => !(i.materials ?? []).some(isMissing));
  if (!state.preReviewAutoAccept || !complete) return false;
  next.status = 'IN_REVIEW';
  next.acceptedOn = today;
  for (const t of Object.values(next.themes ?? {}))
    Object.assign(t, { status: 'ACCEPTED', acceptedOn: today });
  out.event('STAGE_ACCEPTED', {
    stage: next.code,
    detail: { preReviewed: true, automatic: true },
    clockEffect: 'STARTED',
  });
  startReadyItems(state, next.code, today, out);
  out.notice(
    notices.stageAccepted(
      state,
      next.code,
      today,
      items.filter((i) => i.status === 'UNDER_REVIEW').map((i) => i.code),
    ),
  );
  return true;
}

/**
 * The day a stage's clocks start when the window accepts it: a pre-reviewed stage's the day it
 * was handed in (the previous stage's completion), whenever the window clicks; else today.
 */
export const clockStartOf = (stage: StageState, today: string) =>
  stage.preReviewedOn !== undefined && stage.submittedOn !== undefined ? stage.submittedOn : today;
