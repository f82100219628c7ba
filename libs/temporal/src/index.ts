export * from './project';
export * from './mail';
export * from './rectification';
export * from './search-attributes';
export * from './run-summary';
