export * from './types';
export * from './commands';
export * from './clock';
export * from './report';
export * from './transitions';
export * from './deadlines';
export * from './input';
export * from './next-actions';
