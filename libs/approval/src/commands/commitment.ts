/**
 * 告知承诺制: an item the catalogue marks eligible may be approved on the applicant's written
 * commitment that a condition is met; a follow-up check (核查) by the department is then due a
 * set number of working days later, and a failed check revokes the result. Distinct from 容缺
 * (a missing material delivered later), which an approval on commitment does not waive.
 */
import * as notices from '../notices';
import { checkOpen } from '../statuses';
import { named, refuse } from './command';
import { approvable, approve, base, type Decision } from './decision-steps';
import { findItem, requireText } from './guards';
import type { CommandHandler } from './handler';

/** The commitment's longest text (the API's DTO says the same). */
export const MAX_COMMITMENT_LENGTH = 2000;

export const approveOnCommitment: Decision = {
  validate(state, item, c) {
    if (item.commitmentCheckDays === undefined)
      refuse(
        'CONFLICT',
        `item ${item.code} may not be approved on commitment (the catalogue does not allow 告知承诺 for it)`,
        { key: 'NOT_ON_COMMITMENT', params: { item: named(item) } },
      );
    approvable(state, item, c);
    const text = requireText(c.commitment, 'commitment (the applicant’s written commitment)');
    if (text.length > MAX_COMMITMENT_LENGTH)
      refuse('INVALID', `commitment must be at most ${MAX_COMMITMENT_LENGTH} characters`);
  },
  apply(state, item, c, ctx, out) {
    const days = item.commitmentCheckDays ?? 0;
    item.onCommitment = {
      text: (c.commitment ?? '').trim(),
      checkDue: ctx.cal.addWorkingDays(ctx.today, days).date,
    };
    approve(state, item, c, ctx, out);
  },
};

/**
 * The department's follow-up check of an approval on commitment: passed, the result stands;
 * failed, it is revoked (the result document says so, the applicant is told). It may come after
 * the project has completed: the workflow waits for every open check before it ends.
 */
export const checkCommitment: CommandHandler<'CHECK_COMMITMENT'> = {
  validate(state, c) {
    const item = findItem(state, c.itemCode);
    if (item.status !== 'APPROVED' || !checkOpen(item))
      refuse('CONFLICT', `item ${item.code} has no follow-up check due (it is ${item.status})`, {
        key: 'NO_CHECK_DUE',
        params: { item: named(item), status: item.status },
      });
    if (typeof c.passed !== 'boolean') refuse('INVALID', 'passed must be true or false');
    if (!c.passed) requireText(c.comment, 'comment (why the check failed)');
  },
  apply(state, c, ctx, out, env) {
    const item = findItem(state, c.itemCode);
    const commitment = item.onCommitment!;
    const comment = c.comment?.trim() || undefined;
    commitment.check = {
      passed: c.passed,
      ...(comment ? { comment } : {}),
      on: ctx.today,
      by: env.actor.username,
    };
    out.event(c.passed ? 'COMMITMENT_CHECK_PASSED' : 'ITEM_REVOKED', {
      ...base(item),
      detail: { comment, checkDue: commitment.checkDue },
    });
    if (!c.passed) {
      item.status = 'REVOKED';
      out.notice(notices.resultRevoked(state, item, ctx.today, comment ?? ''));
    }
    return item;
  },
};
