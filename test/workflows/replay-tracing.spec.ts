/**
 * The tracing interceptors (workflows/interceptors.ts, loaded when OTEL_EXPORTER_OTLP_ENDPOINT is
 * set) must not change what a workflow does: the committed histories (recorded without them)
 * replay without a non-determinism error with them in the bundle, and they do make spans (the
 * check is not vacuous: the sink is called during this replay, which a worker's is not). See
 * replay.spec.ts for the histories.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker, bundleWorkflowCode } from '@temporalio/worker';

const FIXTURES = join(__dirname, 'fixtures');

jest.setTimeout(180_000);

it('replays every committed history with the tracing interceptors, making spans', async () => {
  const quiet = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };
  const bundle = await bundleWorkflowCode({
    workflowsPath: require.resolve('../../workflows'),
    workflowInterceptorModules: [require.resolve('../../workflows/interceptors')],
    logger: quiet,
  });
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));
  const spans: { name: string }[] = [];
  const results: { file: string; error?: unknown }[] = [];
  for await (const r of Worker.runReplayHistories(
    {
      workflowBundle: bundle,
      sinks: {
        exporter: {
          export: {
            fn: (_info, exported: { name: string }[]) => void spans.push(...exported),
            callDuringReplay: true,
          },
        },
      },
    },
    files.map((file) => ({
      workflowId: file,
      history: temporal.api.history.v1.History.fromObject(
        JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as Record<string, unknown>,
      ),
    })),
  ))
    results.push({ file: r.workflowId, error: r.error });
  expect(results.map((r) => r.file).sort()).toEqual(files.sort());
  expect(results.filter((r) => r.error)).toEqual([]);
  expect(spans.map((s) => s.name)).toEqual(expect.arrayContaining(['HandleUpdate:command']));
});
