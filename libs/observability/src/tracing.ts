/**
 * OpenTelemetry traces, exported by OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set (the
 * exporter reads it and the other standard OTEL_* variables itself). Unset, nothing of the SDK
 * is even loaded: `@opentelemetry/api` calls are no-ops and no module is patched, so tracing
 * costs nothing when off. Started first thing in each process's main (before http and pg load).
 */
import type { Resource } from '@opentelemetry/resources';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { routeOf } from './route';

export interface Tracing {
  resource: Resource;
  spanProcessor: SpanProcessor;
  /** Flushes what is buffered; at shutdown. */
  shutdown(): Promise<void>;
}

let active: Tracing | undefined;

/** The process's tracing, or undefined when it is off. */
export function tracing(): Tracing | undefined {
  return active;
}

export function tracingConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return !!env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
}

/* eslint-disable @typescript-eslint/no-require-imports -- loaded only when tracing is on */
export function startTracing(
  serviceName: string,
  env: NodeJS.ProcessEnv = process.env,
): Tracing | undefined {
  if (active || !tracingConfigured(env)) return active;
  const { Resource } =
    require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const { NodeTracerProvider, BatchSpanProcessor } =
    require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { OTLPTraceExporter } =
    require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const { registerInstrumentations } =
    require('@opentelemetry/instrumentation') as typeof import('@opentelemetry/instrumentation');
  const { HttpInstrumentation } =
    require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { PgInstrumentation } =
    require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');

  const resource = Resource.default().merge(
    new Resource({ 'service.name': env.OTEL_SERVICE_NAME?.trim() || serviceName }),
  );
  // OTEL_BSP_SCHEDULE_DELAY and the other OTEL_BSP_* variables tune the batching.
  const spanProcessor = new BatchSpanProcessor(new OTLPTraceExporter());
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        // Probes and scrapes are not what a trace is for.
        ignoreIncomingRequestHook: (req) => /^\/(health|metrics)\b/.test(req.url ?? ''),
        // Express has matched the route by the time the span ends: name it by its template.
        applyCustomAttributesOnSpan: (span, req) => {
          const route = routeOf(req as { route?: unknown; baseUrl?: string });
          if (route === 'unmatched') return;
          span.setAttribute('http.route', route);
          span.updateName(`${(req as { method?: string }).method ?? 'HTTP'} ${route}`);
        },
      }),
      // Only statements inside a traced operation (a request, an activity), not pool chatter.
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  active = { resource, spanProcessor, shutdown: () => provider.shutdown() };
  return active;
}
