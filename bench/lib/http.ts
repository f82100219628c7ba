/** The benchmarks' HTTP client is the shared one (libs/client). */
export { ApiClient, ApiError } from '../../libs/client/src';
export type { ProjectReport, ItemReport } from '../../libs/client/src';
