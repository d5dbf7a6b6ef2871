export type * from './types.js';
export * from './guards.js';
