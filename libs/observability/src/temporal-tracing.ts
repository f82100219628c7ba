/**
 * Temporal's OpenTelemetry interceptors (@temporalio/interceptors-opentelemetry), only when
 * tracing is on: the client's puts the caller's span into each start, Update and signal; in the
 * sandbox our own replay-safe ones (workflows/interceptors.ts: why not the package's there)
 * make a span of each Update and hand its context to the read-model write, their spans leaving
 * through the package's sink; the package's activity interceptor continues the trace in the
 * activity, so its PostgreSQL statements (instrumentation-pg) join it. One decision is one trace:
 * HTTP → Update → workflow → the local activity `projectState` → its SQL. Off: nothing is
 * loaded, nothing added.
 */
import type { ClientInterceptors } from '@temporalio/client';
import type { WorkerInterceptors, WorkerOptions } from '@temporalio/worker';
import { tracing } from './tracing';

/* eslint-disable @typescript-eslint/no-require-imports -- loaded only when tracing is on */
const otel = () =>
  require('@temporalio/interceptors-opentelemetry') as typeof import('@temporalio/interceptors-opentelemetry');

/** For `new Client({ interceptors })`; undefined when tracing is off. */
export function tracingClientInterceptors(): ClientInterceptors | undefined {
  if (!tracing()) return undefined;
  return { workflow: [new (otel().OpenTelemetryWorkflowClientInterceptor)()] };
}

export interface WorkerTracing {
  interceptors: WorkerInterceptors;
  sinks: WorkerOptions['sinks'];
}

/**
 * For `Worker.create`: the activity interceptors, the workflow interceptor module (used when the
 * worker bundles the sources; a pre-built bundle carries it: scripts/build-workflow-bundle.ts)
 * and the sink the workflow's spans leave the sandbox by. Undefined when tracing is off.
 */
export function workerTracing(workflowInterceptorsPath: string): WorkerTracing | undefined {
  const t = tracing();
  if (!t) return undefined;
  const o = otel();
  return {
    interceptors: {
      workflowModules: [workflowInterceptorsPath],
      activity: [
        (ctx) => ({
          inbound: new o.OpenTelemetryActivityInboundInterceptor(ctx),
          outbound: new o.OpenTelemetryActivityOutboundInterceptor(ctx),
        }),
      ],
    },
    sinks: { exporter: o.makeWorkflowExporter(t.spanProcessor, t.resource) },
  };
}
