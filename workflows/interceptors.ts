/**
 * Not a workflow: Temporal's OpenTelemetry workflow interceptors, loaded into the sandbox only
 * when tracing is on (libs/observability/src/temporal-tracing.ts; the tracing bundle of
 * scripts/build-workflow-bundle.ts). They add spans and trace headers, never commands: a history
 * replays the same with them (test/workflows/replay-tracing.spec.ts).
 */
export { interceptors } from '@temporalio/interceptors-opentelemetry/lib/workflow-interceptors';
