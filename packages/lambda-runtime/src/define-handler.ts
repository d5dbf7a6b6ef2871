import type { Context, Handler } from './types.js';

/**
 * Types a handler without wrapping it: an identity function that fixes the
 * event and result types (for instance from `@tslambda/lambda-events`, which
 * this package does not depend on) and checks the handler against
 * {@link Context}.
 *
 * @example
 * ```ts
 * import { handler, start } from '@tslambda/lambda-runtime';
 * import type { SQSEvent, SQSBatchResponse } from '@tslambda/lambda-events';
 * start(handler<SQSEvent, SQSBatchResponse>(async (event) => ({
 *   batchItemFailures: event.Records.filter((r) => !r.body).map((r) => ({ itemIdentifier: r.messageId })),
 * })));
 * ```
 */
export function handler<TEvent = unknown, TResult = unknown>(
  fn: (event: TEvent, context: Context) => Promise<TResult> | TResult,
): Handler<TEvent, TResult> {
  return fn;
}
