import * as notices from '../notices';
import { advance } from './advance';
import { refuse } from './command';
import { requireText, stageOf } from './guards';
import type { CommandHandler } from './handler';

/**
 * The window officer accepts a submitted stage (its items start their clocks that day, except
 * those waiting on a prerequisite) or returns it with a reason (no clock runs meanwhile).
 */
export const acceptStage: CommandHandler<'ACCEPT_STAGE'> = {
  validate(state, c) {
    const s = stageOf(state, c.stage);
    if (s.status !== 'SUBMITTED')
      refuse(
        'CONFLICT',
        `stage ${c.stage} is ${s.status}; only a submitted stage can be accepted or returned`,
      );
    if (c.decision !== 'ACCEPT' && c.decision !== 'RETURN')
      refuse('INVALID', 'decision must be ACCEPT or RETURN');
    if (c.decision === 'RETURN') requireText(c.reason, 'reason');
  },

  apply(state, c, ctx, out) {
    const s = stageOf(state, c.stage);
    if (c.decision === 'RETURN') {
      s.status = 'RETURNED';
      s.returnReason = c.reason;
      for (const i of state.items)
        if (i.stage === c.stage && i.status === 'SUBMITTED') i.status = 'PENDING';
      out.event('STAGE_RETURNED', { stage: c.stage, detail: { reason: c.reason } });
      out.notice(notices.stageReturned(state, c.stage, c.reason));
      return;
    }
    s.status = 'IN_REVIEW';
    s.acceptedOn = ctx.today;
    out.event('STAGE_ACCEPTED', { stage: c.stage, clockEffect: 'STARTED' });
    advance(state, ctx.today, out);
  },
};
