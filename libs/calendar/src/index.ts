export * from './core';
export * from './chinese-days-source';
export * from './working-days-ago';
