/**
 * The exchange with the provincial / national approval platform (数据共享交换): the SPGL rows of
 * a project (rows.ts, codes in codes.ts), the outbox they are appended to in the read model's
 * transaction (outbox.ts), the rules checked before sending (rules.ts) and the sender that
 * delivers them to the staging database (sender.ts, staging.ts).
 */
export * from './codes';
export * from './rows';
export * from './outbox';
export * from './project-rows';
export * from './rules';
export * from './staging';
export * from './sender';
export * from './queries';
export * from './reconcile';
export * from './flow-rows';
