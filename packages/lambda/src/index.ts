// One dependency for a Lambda function: the runtime at the top level, the
// HTTP gateway as `gateway`, event guards and helpers as `events`, and every
// event type at the top level.
export * from '@tslambda/lambda-runtime';
// `Handler` exists in both; the runtime's (with its `Context`) wins here.
export type { Handler } from '@tslambda/lambda-runtime';
export type * from '@tslambda/lambda-events';
export * as gateway from '@tslambda/lambda-gateway';
export * as events from '@tslambda/lambda-events';
