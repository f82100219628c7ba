// The tracing file itself, not the library's entry point: that loads prom-client, which loads
// http before the instrumentation could patch it.
// eslint-disable-next-line no-restricted-imports
import { startTracing } from '../../../libs/observability/src/tracing';

// Imported first by main.ts: instrumentation has to patch http and pg before they are loaded.
startTracing('approvals-api');
