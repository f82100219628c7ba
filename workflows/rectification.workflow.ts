import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  log,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import type { RectificationActivities } from '../activities/rectification.activities';
import { WorkingDayCalendar } from '../libs/calendar/src/core';
import {
  type RectificationInput,
  type RectificationNoticeKind,
  type RectificationView,
  type RectificationWrite,
  rectificationDueAt,
  rectificationDueDate,
  rectificationNotices,
} from '../libs/approval/src';
import {
  RECTIFICATION_CONFLICT,
  type ConfirmArgs,
  type RespondArgs,
  rectificationConfirmUpdate,
  rectificationQuery,
  rectificationRespondUpdate,
} from '../libs/temporal/src';

const { writeRectification } = proxyActivities<RectificationActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const refuse = (message: string) =>
  ApplicationFailure.create({ type: RECTIFICATION_CONFLICT, message, nonRetryable: true });

/**
 * One rectification opened by a bad rating: OPEN → RESPONDED (the department head's response)
 * → CONFIRMED or DISPUTED (the applicant's confirmation). A durable timer to the end of the 5th
 * working day (Asia/Shanghai, the project's calendar) makes an unanswered one OVERDUE, which
 * tells the supervisor and the head. A head may still respond after that (RESPONDED, late: the
 * OVERDUE instant stays recorded and counts in statistics). A dispute goes to the supervisor.
 * Every change reaches the `rectifications` table (and its notices) before the Update returns.
 */
export async function rectificationWorkflow(input: RectificationInput): Promise<RectificationView> {
  const iso = () => new Date(Date.now()).toISOString();
  const cal = WorkingDayCalendar.fromSnapshot(input.calendar);
  const dueDate = rectificationDueDate(cal, input.openedOn);
  const dueAt = rectificationDueAt(cal, dueDate);
  const r: RectificationView = {
    id: input.id,
    projectId: input.projectId,
    projectName: input.projectName,
    itemCode: input.itemCode,
    itemName: input.itemName,
    department: input.department,
    organisation: input.organisation,
    score: input.score,
    comment: input.comment,
    status: 'OPEN',
    openedOn: input.openedOn,
    dueDate,
    dueAt: new Date(dueAt).toISOString(),
    overdueAt: null,
    response: null,
    respondedBy: null,
    respondedAt: null,
    confirmationNote: null,
    satisfied: null,
    confirmedBy: null,
    confirmedAt: null,
    calendarVersion: cal.version,
  };

  // Writes go out one after another, in the order of the changes (the row keeps the highest).
  let version = 0;
  let writes: Promise<void> = Promise.resolve();
  const write = (kind: RectificationNoticeKind): Promise<void> => {
    const w: RectificationWrite = {
      rectification: { ...r },
      version: ++version,
      at: iso(),
      notices: rectificationNotices(r, kind),
    };
    const done = writes.then(async () => {
      await writeRectification(w);
    });
    writes = done.catch((err: unknown) => {
      log.error('rectification write refused', { error: String(err), version: w.version });
    });
    return done;
  };

  // Handlers first: an Update that arrives before the first write finishes is not refused.
  setHandler(
    rectificationRespondUpdate,
    async ({ note, by }: RespondArgs) => {
      r.status = 'RESPONDED';
      r.response = note;
      r.respondedBy = by.username;
      r.respondedAt = iso();
      const view = { ...r };
      await write('RECTIFICATION_RESPONDED');
      return view;
    },
    {
      validator: (_: RespondArgs) => {
        if (r.status !== 'OPEN' && r.status !== 'OVERDUE')
          throw refuse(`the rectification is ${r.status}: only an OPEN or OVERDUE one is answered`);
      },
    },
  );
  setHandler(
    rectificationConfirmUpdate,
    async ({ satisfied, note, by }: ConfirmArgs) => {
      r.status = satisfied ? 'CONFIRMED' : 'DISPUTED';
      r.satisfied = satisfied;
      r.confirmationNote = note ?? null;
      r.confirmedBy = by.onBehalfOf ? `${by.username} for ${by.onBehalfOf}` : by.username;
      r.confirmedAt = iso();
      const view = { ...r };
      await write(satisfied ? 'RECTIFICATION_CONFIRMED' : 'RECTIFICATION_DISPUTED');
      return view;
    },
    {
      validator: (_: ConfirmArgs) => {
        if (r.status !== 'RESPONDED')
          throw refuse(
            `the rectification is ${r.status}: it can be confirmed or disputed once the department responded`,
          );
      },
    },
  );
  setHandler(rectificationQuery, () => ({ ...r }));

  await write('RECTIFICATION_OPENED');
  const answered = await condition(() => r.status !== 'OPEN', Math.max(1, dueAt - Date.now()));
  if (!answered) {
    r.status = 'OVERDUE';
    r.overdueAt = iso();
    await write('RECTIFICATION_OVERDUE');
  }
  await condition(() => r.status === 'CONFIRMED' || r.status === 'DISPUTED');
  await condition(allHandlersFinished);
  await writes;
  return { ...r };
}
