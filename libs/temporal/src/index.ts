export * from './connection-options';
export * from './smoke';
export * from './project';
