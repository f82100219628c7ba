export * from './api-client';
export * from './report';
