import { startTracing } from '../../../libs/observability/src/tracing';

// Imported first by main.ts: instrumentation has to patch pg before it is loaded.
startTracing('approvals-worker');
