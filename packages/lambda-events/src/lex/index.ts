export type * from './types.js';
export type * from './v2-types.js';
export * from './guards.js';
