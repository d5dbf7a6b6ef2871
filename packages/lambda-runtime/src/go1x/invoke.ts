import type { InvocationContext } from '../context.js';
import type { StreamingHandler } from '../stream.js';
import type { TransportCore } from '../transport.js';
import type { Handler } from '../types.js';
import type { InvokeResponseErrorValue, InvokeResponseValue } from './messages.js';
import { kit } from './kit.js';

const EMPTY = new Uint8Array(0);
const INT32_MAX = 2 ** 31 - 1;

/** The `InvokeResponse.Error` of a thrown value (`ShouldExit` only for process-fatal errors). */
export function responseError(error: unknown, shouldExit: boolean): InvokeResponseErrorValue {
  const e = kit.toInvokeResponseError(error, shouldExit);
  return {
    Message: e.Message,
    Type: e.Type,
    StackTrace: e.StackTrace.map((f) => ({ Path: f.Path, Line: Math.min(Math.max(Math.trunc(f.Line) || 0, 0), INT32_MAX), Label: f.Label })),
    ShouldExit: e.ShouldExit,
  };
}

/** An `InvokeResponse` carrying an error (the RPC itself succeeds, as in aws-lambda-go). */
export function errorResponse(error: unknown, shouldExit = false): InvokeResponseValue {
  return { Payload: EMPTY, Error: responseError(error, shouldExit) };
}

/**
 * aws-lambda-go decodes the client context into `lambdacontext.ClientContext`
 * before calling the handler and fails the invocation when it cannot: invalid
 * JSON is a `SyntaxError`, JSON that is not an object an `UnmarshalTypeError`.
 */
export function clientContextError(text: string | undefined): InvokeResponseErrorValue | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { Message: (err as Error).message, Type: 'SyntaxError', StackTrace: [], ShouldExit: false };
  }
  if (value === null || (typeof value === 'object' && !Array.isArray(value))) return undefined;
  const kind = Array.isArray(value) ? 'array' : typeof value === 'boolean' ? 'bool' : typeof value;
  return {
    Message: `json: cannot unmarshal ${kind} into Go value of type lambdacontext.ClientContext`,
    Type: 'UnmarshalTypeError',
    StackTrace: [],
    ShouldExit: false,
  };
}

/**
 * Runs one invocation and builds its `InvokeResponse`: the JSON result as
 * `Payload`, or the thrown value in `Error`. A streaming handler's bytes are
 * collected into `Payload` (go1.x has no streaming), under the buffered limit.
 */
export function runInvocation(core: TransportCore, payload: Uint8Array, context: InvocationContext): Promise<InvokeResponseValue> {
  if (kit.isStreamingHandler(core.handler)) return runStreamed(core, core.handler, payload, context);
  return runBytes(core.handler as Handler, payload, context, core.maxResponseBytes);
}

/** The payload is read before the first `await`: its bytes may be reused after. */
async function runBytes(handler: Handler, payload: Uint8Array, context: InvocationContext, maxBytes: number): Promise<InvokeResponseValue> {
  const outcome = await kit.runBuffered(handler, payload, context, maxBytes, new kit.ByteSteps());
  return outcome.ok ? { Payload: outcome.body, Error: null } : errorResponse(outcome.error);
}

async function runStreamed(core: TransportCore, handler: StreamingHandler, payload: Uint8Array, context: InvocationContext): Promise<InvokeResponseValue> {
  const chunks: Buffer[] = [];
  const stream = new kit.LambdaResponseStream(
    {
      setHeader: () => {},
      write: (chunk) => {
        chunks.push(chunk);
        return true;
      },
      onDrain: (callback) => callback(),
    },
    { highWaterMark: kit.streamingOptions(handler).highWaterMark, maxBytes: core.maxResponseBytes },
  );
  try {
    const finished = new Promise<void>((resolve, reject) => {
      stream.once('finish', resolve);
      stream.once('error', reject);
      stream.once('close', () => reject(new Error('the response stream was destroyed before it ended')));
    });
    finished.catch(() => {});
    const event = kit.parsePayload(payload);
    await kit.runWithContext(context, () => handler(event, stream, context));
    if (!stream.writableEnded && !stream.destroyed) stream.end();
    await finished;
    return { Payload: Buffer.concat(chunks), Error: null };
  } catch (error) {
    if (!stream.destroyed) stream.destroy();
    kit.runWithContext(context, () => kit.logInvokeError(error));
    return errorResponse(error);
  } finally {
    context.end();
  }
}
