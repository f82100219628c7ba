import { registerAs } from '@nestjs/config';
import { existsSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { ConfigError, Env, readEnum, readInt, readString } from './env';

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
  /** WORKER_MEMORY_MB: the worker's memory budget; default the process's V8 heap limit. */
  memoryMb: number;
  /** How many workflows the worker keeps cached: WORKER_MAX_CACHED_WORKFLOWS, or from the budget. */
  maxCachedWorkflows: number;
}

/**
 * bench/README.md "Soak" (2026-12-02, WORKER_MEMORY_MB=1500, 1,090 cached of 10,000 projects):
 * an idle worker holds ~248 MiB RSS and each cached project workflow ~1.15 MiB more at steady
 * state, 1.22 MiB at the peak. Rounded up, so the budget holds at the peak too.
 */
export const WORKER_BASE_MB = 300;
/** 1.25 MiB, as hundredths (whole numbers keep the division exact). */
const CACHED_WORKFLOW_HUNDREDTHS_MB = 125;

/** The cache that fits the budget (at least 10: a smaller one replays on nearly every task). */
export function cachedWorkflowsFor(memoryMb: number): number {
  return Math.max(
    10,
    Math.floor(((memoryMb - WORKER_BASE_MB) * 100) / CACHED_WORKFLOW_HUNDREDTHS_MB),
  );
}

export function parseWorkerConfig(env: Env): WorkerConfig {
  const heapMb = Math.floor(getHeapStatistics().heap_size_limit / 2 ** 20);
  const memoryMb = readInt(env, 'WORKER_MEMORY_MB', heapMb, { min: 64 });
  return {
    workflowBundle: readString(env, 'WORKFLOW_BUNDLE'),
    nodeEnv: readEnum(env, 'NODE_ENV', ['development', 'production', 'test'], 'development'),
    memoryMb,
    maxCachedWorkflows: readInt(env, 'WORKER_MAX_CACHED_WORKFLOWS', cachedWorkflowsFor(memoryMb), {
      min: 1,
    }),
  };
}

/**
 * The worker's workflow code: the pre-built bundle (built once, at build time, as the samples'
 * `production/` does) or the sources, bundled when the worker starts.
 */
/** The bundle built with the tracing interceptors beside a bundle: `x.js` → `x.tracing.js`. */
export const tracingBundle = (codePath: string) => codePath.replace(/(\.js)?$/, '.tracing.js');

/**
 * With `tracing` (OTEL_EXPORTER_OTLP_ENDPOINT set) a bundle is taken in its tracing variant
 * (scripts/build-workflow-bundle.ts builds both), so the workflow interceptors cost nothing when
 * tracing is off.
 */
export function workflowSource(
  cfg: WorkerConfig,
  paths: { builtBundle: string; workflowsPath: string; tracing?: boolean },
  exists: (path: string) => boolean = existsSync,
): WorkflowSource {
  const fromSource = { workflowsPath: paths.workflowsPath };
  const bundle = (codePath: string, variable?: string) => {
    const path = paths.tracing ? tracingBundle(codePath) : codePath;
    if (variable && !exists(path))
      throw new ConfigError(
        variable,
        `${path} does not exist (npm run build:workflows makes dist/workflow-bundle.js and dist/workflow-bundle.tracing.js)`,
      );
    return { workflowBundle: { codePath: path } };
  };
  if (cfg.workflowBundle === 'source') return fromSource;
  if (cfg.workflowBundle !== undefined) return bundle(cfg.workflowBundle, 'WORKFLOW_BUNDLE');
  if (cfg.nodeEnv === 'production' && exists(paths.builtBundle)) {
    return bundle(paths.builtBundle, 'OTEL_EXPORTER_OTLP_ENDPOINT');
  }
  return fromSource;
}

export const workerConfig = registerAs('worker', () => parseWorkerConfig(process.env));
