export type * from './types.js';
export * from './guards.js';
export * from './key.js';
export type * from './eventbridge-types.js';
