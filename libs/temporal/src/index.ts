export * from './connection-options';
export * from './project';
