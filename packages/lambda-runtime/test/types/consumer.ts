// Compiled by .ci/consumer-types.mjs under TypeScript 5.9, 6.0 and 7.0.
import {
  currentContext,
  formatError,
  handler,
  httpResponseStream,
  logger,
  onShutdown,
  start,
  streamifyResponse,
  toInvokeResponseError,
  type Context,
  type Handler,
  type InvokeResponseError,
  type ResponseStream,
} from '@tslambda/lambda-runtime';

interface MyEvent {
  name: string;
}

// The example: the context parameter is typed without annotation.
export const started: Promise<void> = start(async (event: MyEvent, context) => ({
  ok: true,
  name: event.name,
  id: context.awsRequestId,
  left: context.getRemainingTimeInMillis(),
  signal: context.signal.aborted,
}));

export const typed: Handler<MyEvent, string> = handler<MyEvent, string>(async (event, context: Context) => `${event.name} ${context.functionName}`);

export const streaming = streamifyResponse(async (event: MyEvent, stream: ResponseStream, context) => {
  const body = httpResponseStream(stream, { statusCode: 200, headers: { 'content-type': 'text/plain' } });
  body.end(`${event.name} ${context.awsRequestId}`);
});
export const startedStreaming: Promise<void> = start(streaming, { maxStreamBytes: 1024 });
export const fromPromise: Promise<void> = start(Promise.resolve(typed));

onShutdown(async () => {
  logger.info('bye', { id: currentContext()?.awsRequestId });
});
export const e: InvokeResponseError = toInvokeResponseError(new Error('x'));
export const f: string = formatError('x').errorType;
