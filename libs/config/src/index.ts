export * from './env';
export * from './app.config';
export * from './database.config';
export * from './temporal.config';
export * from './auth.config';
export * from './worker.config';
export * from './mail.config';
export * from './documents.config';
