export * from './connection-options';
export * from './project';
export * from './search-attributes';
