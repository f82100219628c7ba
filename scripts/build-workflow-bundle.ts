/**
 * Bundles the workflows once, at build time (`npm run build:workflows`, after `tsc`): the
 * production worker loads dist/workflow-bundle.js instead of running webpack at every start.
 * As samples-typescript `production/src/scripts/build-workflow-bundle.ts` does. A second bundle,
 * dist/workflow-bundle.tracing.js, carries Temporal's OpenTelemetry workflow interceptors
 * (workflows/interceptors.ts): the worker loads it only when tracing is on, so the other runs
 * without them.
 */
import { DefaultLogger, bundleWorkflowCode } from '@temporalio/worker';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tracingBundle } from '../libs/config/src';

async function bundle(codePath: string, workflowInterceptorModules: string[]) {
  // Compiled to dist/scripts/: the workflows are dist/workflows, the bundle dist/workflow-bundle.js.
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('../workflows'),
    workflowInterceptorModules,
    logger: new DefaultLogger('WARN'),
  });
  await writeFile(codePath, code);
}

async function main() {
  const codePath = process.argv[2] ?? join(__dirname, '..', 'workflow-bundle.js');
  await bundle(codePath, []);
  await bundle(tracingBundle(codePath), [require.resolve('../workflows/interceptors')]);
}

main().catch((err: unknown) => {
  process.stderr.write(`build-workflow-bundle: ${String(err)}\n`);
  process.exit(1);
});
