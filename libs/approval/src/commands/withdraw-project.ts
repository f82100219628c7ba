import { closeItem } from '../item-clock';
import { isOpen } from '../statuses';
import type { CommandHandler } from './handler';

/**
 * The applicant withdraws the whole project: every open item ends. With an item standing
 * rejected the project ends REJECTED, otherwise WITHDRAWN.
 */
export const withdrawProject: CommandHandler<'WITHDRAW_PROJECT'> = {
  validate() {
    // Allowed whenever the project is in progress (checked for every command).
  },

  apply(state, c, ctx, out) {
    const rejected = state.items.some((i) => i.status === 'REJECTED');
    for (const i of state.items) {
      if (isOpen(i.status)) {
        closeItem(i, ctx.today);
        i.status = 'WITHDRAWN';
      }
    }
    state.status = rejected ? 'REJECTED' : 'WITHDRAWN';
    state.closedOn = ctx.today;
    out.event(rejected ? 'PROJECT_REJECTED' : 'PROJECT_WITHDRAWN', {
      detail: { reason: c.reason },
      clockEffect: 'ENDED',
    });
  },
};
