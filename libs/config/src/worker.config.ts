import { registerAs } from '@nestjs/config';
import { existsSync } from 'node:fs';
import { ConfigError, Env, readEnum, readString } from './env';

/** Where the worker takes its workflow code from. */
export type WorkflowSource = { workflowBundle: { codePath: string } } | { workflowsPath: string };

export interface WorkerConfig {
  /**
   * WORKFLOW_BUNDLE: a bundle file made by `npm run build:workflows` (`dist/workflow-bundle.js`),
   * or `source` to bundle workflows/ at start. Unset: the built bundle in production, when it
   * exists; the sources otherwise (dev and tests, so a changed workflow needs no build).
   */
  workflowBundle?: string;
  nodeEnv: 'development' | 'production' | 'test';
}

export function parseWorkerConfig(env: Env): WorkerConfig {
  return {
    workflowBundle: readString(env, 'WORKFLOW_BUNDLE'),
    nodeEnv: readEnum(env, 'NODE_ENV', ['development', 'production', 'test'], 'development'),
  };
}

/**
 * The worker's workflow code: the pre-built bundle (built once, at build time, as the samples'
 * `production/` does) or the sources, bundled when the worker starts.
 */
export function workflowSource(
  cfg: WorkerConfig,
  paths: { builtBundle: string; workflowsPath: string },
  exists: (path: string) => boolean = existsSync,
): WorkflowSource {
  const fromSource = { workflowsPath: paths.workflowsPath };
  if (cfg.workflowBundle === 'source') return fromSource;
  if (cfg.workflowBundle !== undefined) {
    if (!exists(cfg.workflowBundle)) {
      throw new ConfigError(
        'WORKFLOW_BUNDLE',
        `${cfg.workflowBundle} does not exist (npm run build:workflows makes dist/workflow-bundle.js)`,
      );
    }
    return { workflowBundle: { codePath: cfg.workflowBundle } };
  }
  if (cfg.nodeEnv === 'production' && exists(paths.builtBundle)) {
    return { workflowBundle: { codePath: paths.builtBundle } };
  }
  return fromSource;
}

export const workerConfig = registerAs('worker', () => parseWorkerConfig(process.env));
