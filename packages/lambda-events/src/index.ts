export type * from './handler.js';
export * from './api-gateway/index.js';
export * from './alb/index.js';
export * from './lambda-url/index.js';
export * from './vpc-lattice/index.js';
