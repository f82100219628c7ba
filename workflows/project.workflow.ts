import {
  allHandlersFinished,
  condition,
  continueAsNew,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { CommandEnvelope, ProjectWorkflowInput } from '../libs/approval/src';
import {
  ProjectWorkflowResult,
  calendarUpdatedSignal,
  projectCommandUpdate,
  projectFirstReportUpdate,
  projectReportQuery,
  projectStateQuery,
  rewriteReadModelSignal,
} from '../libs/temporal/src';
import { ProjectRun } from './project-run';

const DEFAULT_HISTORY_LIMIT = 4000;

/**
 * One project's approval: PLAN → START_PERMIT → COMPLETION; inside a stage every item runs in
 * parallel unless the catalog gives it a prerequisite. People act through the `command`
 * Update; time acts through one durable timer for the next deadline (libs/approval/deadlines).
 * Every change reaches the read model through an idempotent activity before the Update
 * returns, so a caller that reads after a command sees it. The run's state and its write live
 * in `ProjectRun`; this function wires the handlers and the loop.
 */
export async function projectWorkflow(input: ProjectWorkflowInput): Promise<ProjectWorkflowResult> {
  const run = new ProjectRun(input);

  setHandler(projectCommandUpdate, (env: CommandEnvelope) => run.command(env), {
    validator: (env: CommandEnvelope) => run.validate(env),
  });
  setHandler(calendarUpdatedSignal, (next) => run.calendarUpdated(next));
  setHandler(rewriteReadModelSignal, () => run.rewriteAll());
  setHandler(projectFirstReportUpdate, () => run.firstReport());
  setHandler(projectStateQuery, () => run.state);
  setHandler(projectReportQuery, () => run.report());

  for (;;) {
    if (run.evaluate()) {
      await run.flush();
      continue; // handlers may have changed the state while the write ran
    }
    if (run.state.status !== 'IN_PROGRESS' && !run.awaitsCheck()) break;
    const info = workflowInfo();
    if (
      info.historyLength >= (input.historyLimit ?? DEFAULT_HISTORY_LIMIT) ||
      info.continueAsNewSuggested
    ) {
      // Handlers in flight wait for their write, so keep flushing until they are all done.
      await condition(() => allHandlersFinished() || !run.flushed);
      if (!allHandlersFinished() || !run.flushed) continue;
      await continueAsNew<typeof projectWorkflow>(run.continuation());
    }
    run.dirty = false;
    const next = run.nextWake();
    if (next === undefined) await condition(() => run.dirty);
    else await condition(() => run.dirty, Math.max(1, next - Date.now()));
  }
  await condition(allHandlersFinished);
  while (!run.flushed) await run.flush();
  return run.result();
}
