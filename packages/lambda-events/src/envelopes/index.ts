export type * from './types.js';
export * from './unwrap.js';
