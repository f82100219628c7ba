export * from './api-client';
export * from './report';
export * from './session-cookie';
