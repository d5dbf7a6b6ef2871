export type * from './types.js';
export * from './guards.js';
export * from './number.js';
export * from './unmarshall.js';
export * from './marshall.js';
export * from '../batch/index.js';
