export * from './json-logger';
export * from './logging.config';
export * from './request-context';
export * from './temporal-log';
