export * from './core';
export * from './chinese-days-source';
