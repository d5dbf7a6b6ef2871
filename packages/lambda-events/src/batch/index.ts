export type * from './types.js';
export * from './failures.js';
