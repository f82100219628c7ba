/**
 * Temporal's OpenTelemetry interceptors (@temporalio/interceptors-opentelemetry), wired as its
 * OpenTelemetryPlugin wires them, and only when tracing is on: the client's puts the caller's
 * span into each start, Update and signal; the workflow's (workflows/interceptors.ts, in the
 * sandbox) make spans of the workflow run, each Update and each activity it schedules, exported
 * through a sink; the activity's continues the trace in the activity, so its PostgreSQL
 * statements (instrumentation-pg) join it. One decision is one trace: HTTP → Update → workflow
 * task → the local activity `projectState` → its SQL. Off: nothing is loaded, nothing added.
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
