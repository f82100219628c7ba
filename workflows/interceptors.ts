/**
 * Not a workflow: the tracing interceptors of the workflow sandbox, loaded only when tracing is on
 * (libs/observability/src/temporal-tracing.ts; the tracing bundle of
 * scripts/build-workflow-bundle.ts). An Update's span (`HandleUpdate:<name>`, child of the
 * caller's `StartWorkflowUpdate`) and, since the change reaches the read model in the workflow's
 * main loop, that Update's context on the next read-model write (the local activity
 * `projectState`), whose span and SQL the worker's activity interceptor adds: a decision is one
 * trace, HTTP → Update → workflow → write → SQL.
 *
 * Why not @temporalio/interceptors-opentelemetry's own workflow interceptors: they change how a
 * run replays — awaits around commands gated by SDK flags, and span ids drawn from the workflow's
 * seeded Math.random, which would move the ids `uuid4()` gives our state — so a history
 * recorded with tracing off failed to replay with them on (test/workflows/replay-tracing.spec.ts
 * caught it). These add no await, touch no SDK flag and draw no random number: tracing can be
 * switched on or off under running workflows.
 */
// First: gives the sandbox the `performance` that OpenTelemetry reads as it loads.
import '@temporalio/interceptors-opentelemetry/lib/workflow/runtime';
import {
  SpanKind,
  SpanStatusCode,
  context,
  trace,
  type Context,
  type Tracer,
} from '@opentelemetry/api';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ContextManager } from '@temporalio/interceptors-opentelemetry/lib/workflow/context-manager';
import { SpanExporter } from '@temporalio/interceptors-opentelemetry/lib/workflow/span-exporter';
import {
  extractContextFromHeaders,
  headersWithContext,
} from '@temporalio/interceptors-opentelemetry/lib/instrumentation';
import { workflowInfo, type WorkflowInterceptors } from '@temporalio/workflow';

/** The local activity that writes the read model (workflows/project.workflow.ts). */
const READ_MODEL_WRITE = 'projectState';

/** FNV-1a, 64 bits, as 16 hex digits. */
function hex64(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++)
    h = BigInt.asUintN(64, (h ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n);
  return h.toString(16).padStart(16, '0');
}

// Module state shared by the workflows of this sandbox, as the SDK's own tracer is. Neither
// feeds a workflow: the ids need to be unique, not reproducible on replay.
let serial = 0;
let tracer: Tracer | undefined;

/** Span ids from the run id, the workflow clock and a counter: never the workflow's Math.random. */
const ids = {
  generateSpanId: () => hex64(`${workflowInfo().runId}:${Date.now()}:${++serial}`),
  generateTraceId: () => ids.generateSpanId() + ids.generateSpanId(),
};

function workflowTracer(): Tracer {
  if (!tracer) {
    // Spans leave the sandbox through the worker's `exporter` sink (not called on replay).
    const provider = new BasicTracerProvider({ idGenerator: ids });
    provider.addSpanProcessor(new SimpleSpanProcessor(new SpanExporter()));
    provider.register({ contextManager: new ContextManager() });
    tracer = provider.getTracer('approvals-workflow');
  }
  return tracer;
}

export const interceptors = (): WorkflowInterceptors => {
  // Per workflow: the first Update whose change is not yet written.
  let unwritten: Context | undefined;
  return {
    inbound: [
      {
        handleUpdate(input, next) {
          const parent = extractContextFromHeaders(input.headers) ?? context.active();
          const span = workflowTracer().startSpan(
            `HandleUpdate:${input.name}`,
            {
              kind: SpanKind.SERVER,
              attributes: {
                temporalWorkflowId: workflowInfo().workflowId,
                updateId: input.updateId,
              },
            },
            parent,
          );
          const ctx = trace.setSpan(parent, span);
          unwritten ??= ctx;
          const done = context.with(ctx, () => next(input));
          // Ended beside the caller's continuation, not in its way: the promise returned is next's.
          done.then(
            () => span.end(),
            (err: unknown) => {
              span.setStatus({ code: SpanStatusCode.ERROR, message: String(err) });
              span.end();
            },
          );
          return done;
        },
      },
    ],
    outbound: [
      {
        scheduleLocalActivity(input, next) {
          const ctx = input.activityType === READ_MODEL_WRITE ? unwritten : undefined;
          if (!ctx) return next(input);
          unwritten = undefined;
          return next({
            ...input,
            headers: context.with(ctx, () => headersWithContext(input.headers)),
          });
        },
      },
    ],
  };
};
