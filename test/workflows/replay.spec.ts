/**
 * Replays the committed histories of test/workflows/fixtures (recorded by
 * record-fixtures.e2e-spec.ts) against today's workflow code: any change that would make a
 * running workflow take another path (a non-determinism error) fails here, before it reaches a
 * worker with runs in flight. No server needed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker, bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';

const FIXTURES = join(__dirname, 'fixtures');
const files = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json'))
  .sort();
/** A fixture as a History message (see record-fixtures.e2e-spec.ts for the format). */
const load = (file: string) =>
  temporal.api.history.v1.History.fromObject(
    JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as Record<string, unknown>,
  );
const histories = files.map((file) => ({ file, history: load(file) }));
const typeOf = (h: (typeof histories)[number]['history']) =>
  h.events[0].workflowExecutionStartedEventAttributes!.workflowType!.name!;

jest.setTimeout(180_000);

describe('replay of committed workflow histories', () => {
  let bundle: WorkflowBundleWithSourceMap;
  const quiet = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };

  beforeAll(async () => {
    bundle = await bundleWorkflowCode({
      workflowsPath: require.resolve('../../workflows'),
      logger: quiet,
    });
  });

  async function replay(items: { file: string; history: (typeof histories)[number]['history'] }[]) {
    const results: { file: string; error?: unknown }[] = [];
    const runs = Worker.runReplayHistories(
      { workflowBundle: bundle },
      items.map(({ file, history }) => ({ workflowId: file, history })),
    );
    for await (const r of runs) results.push({ file: r.workflowId, error: r.error });
    return results;
  }

  it('has fixtures for every workflow type the worker registers', () => {
    // Exported workflow functions of workflows/index.ts (read as text: importing workflow code
    // outside a workflow context is not allowed).
    const exported = readFileSync(join(__dirname, '..', '..', 'workflows', 'index.ts'), 'utf8')
      .match(/from '\.\/[\w.-]+'/g)!
      .map((m) => m.slice(8, -1))
      .flatMap((f) =>
        [
          ...readFileSync(join(__dirname, '..', '..', 'workflows', `${f}.ts`), 'utf8').matchAll(
            /export async function (\w+Workflow)\b/g,
          ),
        ].map((x) => x[1]),
      );
    expect(exported.sort()).toEqual([
      'mailDeliveryWorkflow',
      'projectWorkflow',
      'rectificationWorkflow',
    ]);
    expect([...new Set(histories.map((h) => typeOf(h.history)))].sort()).toEqual(exported);
    // The project workflow's fixtures cover completion, timers and continue-as-new.
    const project = histories.filter((h) => typeOf(h.history) === 'projectWorkflow');
    const attrs = project.flatMap((h) => h.history.events.map((e) => Object.keys(e).join()));
    for (const kind of [
      'workflowExecutionCompletedEventAttributes',
      'workflowExecutionContinuedAsNewEventAttributes',
      'timerFiredEventAttributes',
      'workflowExecutionSignaledEventAttributes',
      'workflowExecutionUpdateAcceptedEventAttributes',
      'markerRecordedEventAttributes',
    ])
      expect(attrs.some((a) => a.includes(kind))).toBe(true);
  });

  it('replays every fixture without a non-determinism error', async () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
    const results = await replay(histories);
    expect(results.map((r) => r.file).sort()).toEqual(files);
    expect(results.filter((r) => r.error)).toEqual([]);
  });

  it('would notice a workflow that took another path (the check can fail)', async () => {
    // The completed project's history with its first local activity (the read-model write of
    // the start) replaced by a timer: the code schedules the activity, the history says a timer.
    const file = 'project-completed.json';
    const tampered = load(file);
    const at = tampered.events.findIndex((e) => e.markerRecordedEventAttributes);
    const marker = tampered.events[at];
    tampered.events[at] = temporal.api.history.v1.HistoryEvent.fromObject({
      eventId: marker.eventId,
      eventTime: marker.eventTime,
      eventType: 'EVENT_TYPE_TIMER_STARTED',
      timerStartedEventAttributes: {
        timerId: 'tampered',
        startToFireTimeout: { seconds: 60 },
        workflowTaskCompletedEventId: tampered.events[at - 1].eventId,
      },
    });
    const [result] = await replay([{ file, history: tampered }]);
    expect(result.error).toMatchObject({ name: 'DeterminismViolationError' });
  });
});
