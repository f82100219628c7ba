import type { CommandHandler } from './handler';

/**
 * 首接负责制: the window officer who first accepted the project is its responsible contact until
 * a recorded hand-over to another window (of another level or region). The API finds the contact
 * from the timeline and checks both people; the workflow keeps the record, in order with the rest.
 */
export const handOver: CommandHandler<'HAND_OVER'> = {
  validate() {
    // Allowed whenever the project is in progress (checked for every command).
  },

  apply(_state, c, _ctx, out) {
    out.event('CONTACT_HANDED_OVER', { detail: { from: c.from, to: c.to, reason: c.reason } });
  },
};
