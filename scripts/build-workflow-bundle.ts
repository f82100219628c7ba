/**
 * Bundles the workflows once, at build time (`npm run build:workflows`, after `tsc`): the
 * production worker loads dist/workflow-bundle.js instead of running webpack at every start.
 * As samples-typescript `production/src/scripts/build-workflow-bundle.ts` does.
 */
import { DefaultLogger, bundleWorkflowCode } from '@temporalio/worker';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

async function main() {
  // Compiled to dist/scripts/: the workflows are dist/workflows, the bundle dist/workflow-bundle.js.
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('../workflows'),
    logger: new DefaultLogger('WARN'),
  });
  const codePath = process.argv[2] ?? join(__dirname, '..', 'workflow-bundle.js');
  await writeFile(codePath, code);
  process.stdout.write(`workflow bundle written to ${codePath} (${code.length} bytes)\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`build-workflow-bundle: ${String(err)}\n`);
  process.exit(1);
});
