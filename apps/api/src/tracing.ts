import { startTracing } from '../../../libs/observability/src/tracing';

// Imported first by main.ts: instrumentation has to patch http and pg before they are loaded.
startTracing('approvals-api');
