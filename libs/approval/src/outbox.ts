import type { CommandEnvelope } from './commands/command';
import type { Notice, ProjectState, TimelineEvent } from './types';

/**
 * Collects what a command or a deadline produced; the workflow writes it to the read model.
 * Timeline events and notices share the state's sequence, in the order they are produced.
 */
export class Outbox {
  readonly events: TimelineEvent[] = [];
  readonly notices: Notice[] = [];

  constructor(
    private readonly state: ProjectState,
    private readonly ctx: { at: string },
    private readonly env?: Pick<CommandEnvelope, 'actor' | 'onBehalfOf'>,
  ) {}

  event(type: string, e: Omit<TimelineEvent, 'seq' | 'at' | 'actor' | 'role' | 'type'> = {}) {
    this.events.push({
      seq: ++this.state.seq,
      at: this.ctx.at,
      actor: this.env?.actor.username ?? 'system',
      role: this.env?.actor.role ?? 'SYSTEM',
      ...(this.env?.onBehalfOf ? { onBehalfOf: this.env.onBehalfOf } : {}),
      type,
      ...e,
    });
  }

  notice(n: Omit<Notice, 'seq' | 'at'>) {
    this.notices.push({ seq: ++this.state.seq, at: this.ctx.at, ...n });
  }

  /** A notice of a keyed crossing: its key is the crossing's and its recipient's. */
  keyedNotice(crossing: string, n: Omit<Notice, 'seq' | 'at' | 'key'>) {
    const to = n.department ?? n.organisation ?? '';
    this.notice({ ...n, key: `${crossing}|${n.recipientRole}|${to}` });
  }
}
