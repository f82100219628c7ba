import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkflowNotFoundError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import {
  projectionOf,
  runningProjectIds,
  writeProjectionInTransaction,
} from '../../../../libs/persistence/src';
import {
  projectStateQuery,
  projectWorkflowId,
  rewriteReadModelSignal,
} from '../../../../libs/temporal/src';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { CalendarService } from '../calendar/calendar.service';
import { TemporalClient } from '../temporal/temporal.module';

/** No task of a closed workflow writes again: its rewrite wins over every earlier write. */
const CLOSED_FENCE = { run: 2_147_483_647, history: Number.MAX_SAFE_INTEGER };

/**
 * Rebuilds a project's read model from its workflow's state: a running workflow is asked to
 * write itself again whole (rewriteReadModel: every item, the state); an ended one cannot write
 * any more, so its last state (a query, which Temporal answers by replaying its history) is
 * written here. Timeline events and notices a refused write never stored are not in the state
 * and stay missing. For a project frozen by the skipped writes of old workers (issue 24), and
 * for running projects after a migration that left their risk instants to their next write.
 */
@Injectable()
export class ReadModelRepairService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly temporal: TemporalClient,
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
  ) {}

  async rebuild(admin: Principal, projectId: string) {
    const handle = this.temporal.workflow.getHandle(projectWorkflowId(projectId));
    let running: boolean;
    try {
      running = (await this.temporal.call(() => handle.describe())).status.name === 'RUNNING';
    } catch (err) {
      if (err instanceof WorkflowNotFoundError)
        throw new NotFoundException(`project ${projectId} has no workflow`);
      throw err;
    }
    let outcome: { how: 'SIGNALLED' } | { how: 'REWRITTEN'; seq: number };
    if (running) {
      await this.temporal.call(() => handle.signal(rewriteReadModelSignal));
      outcome = { how: 'SIGNALLED' };
    } else {
      const state = await this.temporal.call(() => handle.query(projectStateQuery), 30_000);
      const cal = this.calendar.current;
      const { items, projectClock } = projectionOf(state, cal, this.calendar.today());
      await writeProjectionInTransaction(this.ds, {
        state,
        items: items.map((i) => i.item),
        projectClock,
        events: [],
        notices: [],
        fence: CLOSED_FENCE,
      });
      outcome = { how: 'REWRITTEN', seq: state.seq };
    }
    await this.audit.record(
      {
        action: 'READ_MODEL_REBUILT',
        actor: admin.username,
        subject: projectId,
        detail: outcome,
      },
      true,
    );
    return { projectId, ...outcome };
  }

  /**
   * Every project the read model shows running writes itself again (signals, 16 at a time); one
   * whose workflow has in fact ended (a frozen read model) is rewritten from its last state.
   */
  async rebuildRunning(admin: Principal) {
    const ids = await runningProjectIds(this.ds);
    const { signalled, failed } = await this.temporal.signalProjects(
      ids,
      rewriteReadModelSignal,
      [],
    );
    let rewritten = 0;
    const unrepaired: string[] = [];
    for (const id of failed) {
      try {
        if ((await this.rebuild(admin, id)).how === 'REWRITTEN') rewritten++;
      } catch {
        unrepaired.push(id);
      }
    }
    await this.audit.record(
      {
        action: 'READ_MODEL_REBUILT',
        actor: admin.username,
        detail: { running: ids.length, signalled, rewritten, failed: unrepaired.length },
      },
      true,
    );
    return { running: ids.length, signalled, rewritten, failed: unrepaired };
  }
}
