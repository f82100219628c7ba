import { join } from 'node:path';
import { projectRoot } from './project-root';

/** The Temporal cluster's binaries, as scripts/setup.js builds them. */
export interface ClusterBinaries {
  server: string;
  sql: string;
  ui: string;
  /** The release's schema/ folder. */
  schemaDir: string;
  serverVersion: string;
  uiVersion: string;
}

interface SetupModule {
  resolveCli(): { path: string; source: string } | null;
  ensureTestServer(): string;
  ensureCluster(): ClusterBinaries;
  ensureS3Proxy(): string;
}

/**
 * scripts/setup.js is the one place that knows where the Temporal binaries are and how to build
 * them: `npm ci` runs it as plain JavaScript (postinstall, before anything is compiled), so the
 * stack launcher asks it at run time rather than keeping a second copy of its paths.
 */
export function setupScript(): SetupModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(join(projectRoot(), 'scripts', 'setup.js')) as SetupModule;
}
