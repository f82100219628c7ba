export * from './ports';
export * from './postgres';
export * from './temporal-dev-server';
export * from './project-root';
export * from './temporal-binaries';
export * from './node-child';
export * from './stack';
export * from './temporal-cluster';
