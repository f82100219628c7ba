/** The workflow id of an outbox row's mail delivery: starting it twice starts one. */
export const mailDeliveryWorkflowId = (outboxId: string) => `notice-mail-${outboxId}`;
