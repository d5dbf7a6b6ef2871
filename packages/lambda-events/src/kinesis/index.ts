export type * from './types.js';
export * from './guards.js';
export * from './data.js';
export * from '../batch/index.js';
