export * from './entities';
export * from './migrations';
export * from './data-source-options';
export * from './read-model';
export * from './database.module';
