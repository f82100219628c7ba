export * from './connection-options';
export * from './smoke';
