const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `<projectId>:<itemCode>` (libs/approval initialState), or undefined. */
export function parseTaskId(taskId: string): { projectId: string; itemCode: string } | undefined {
  const at = taskId.indexOf(':');
  const projectId = taskId.slice(0, at);
  const itemCode = taskId.slice(at + 1);
  if (at < 0 || !UUID.test(projectId) || itemCode === '') return undefined;
  return { projectId, itemCode };
}
