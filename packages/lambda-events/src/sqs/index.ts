export type * from './types.js';
export * from './guards.js';
export * from './parse-body.js';
export * from '../batch/index.js';
