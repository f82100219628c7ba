export * from './api-client';
export * from './report';
export * from './materials';
export * from './core';
