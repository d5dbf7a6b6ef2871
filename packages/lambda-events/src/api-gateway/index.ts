export type * from './common.js';
export type * from './rest.js';
export type * from './http.js';
export type * from './websocket.js';
export type * from './authorizer.js';
export * from './guards.js';
