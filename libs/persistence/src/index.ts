export * from './entities';
export * from './migrations';
export * from './data-source-options';
export * from './queries/submissions.query';
