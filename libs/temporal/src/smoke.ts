/**
 * The thin end-to-end path of the foundation: an API call starts a workflow whose activity
 * writes one row. The project workflows replace it; it stays as a deployment smoke test.
 */
export interface SmokeWorkflowInput {
  message: string;
}

export interface SmokeWorkflowResult {
  workflowId: string;
  message: string;
  recordedAt: string;
}

export const smokeWorkflowId = (key: string) => `smoke-${key}`;
