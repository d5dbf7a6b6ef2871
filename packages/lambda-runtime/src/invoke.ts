import { InvocationContext, runWithContext } from './context.js';
import { InvalidEventError, JSONStringifyError, ResponseSizeTooLargeError } from './errors.js';
import { formatError } from './format-error.js';
import { emit } from './log.js';
import type { Handler } from './types.js';

/** Largest buffered response Lambda accepts (6 MB as Lambda counts it). */
export const MAX_RESPONSE_BYTES = 6_291_556;

/** What a buffered invocation produced: the JSON response, or the thrown value. */
export type InvokeOutcome = { ok: true; body: string } | { ok: false; error: unknown };

/**
 * Parses an event payload: JSON text, or `undefined` for an empty payload.
 * Throws {@link InvalidEventError} for invalid JSON.
 */
export function parseEvent(payload: Uint8Array | string): unknown {
  if (payload.length === 0) return undefined;
  const text = typeof payload === 'string' ? payload : Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString('utf8');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new InvalidEventError(err);
  }
}

/**
 * Serializes a handler's result to JSON (`undefined` gives `null`, as in the
 * Node.js runtime) and enforces the response size limit.
 */
export function serializeResult(result: unknown, maxBytes = MAX_RESPONSE_BYTES): string {
  let body: string | undefined;
  try {
    body = JSON.stringify(result);
  } catch (err) {
    throw new JSONStringifyError(err);
  }
  if (body === undefined) body = 'null';
  if (body.length * 3 > maxBytes) {
    const size = Buffer.byteLength(body);
    if (size > maxBytes) throw new ResponseSizeTooLargeError(size, maxBytes);
  }
  return body;
}

/**
 * How a buffered invocation turns its payload into the event and the
 * handler's result into the response body (see {@link runBuffered}).
 */
export interface BufferedSteps<P, B> {
  /** The event of `payload`; throws {@link InvalidEventError} when invalid. Runs before the first `await`. */
  parse(payload: P): unknown;
  /** The response body of `result`; throws {@link JSONStringifyError} or {@link ResponseSizeTooLargeError}. */
  serialize(result: unknown, maxBytes: number): B;
}

const JSON_TEXT: BufferedSteps<Uint8Array | string, string> = { parse: parseEvent, serialize: serializeResult };

/**
 * Runs one buffered invocation, shared by both transports: parses the
 * payload, calls the handler inside the context (so {@link currentContext}
 * works), serializes the result, logs a failure as the Node.js runtime does
 * (`Invoke Error`), and ends the context. Never throws.
 */
export function invokeBuffered(
  handler: Handler,
  payload: Uint8Array | string,
  context: InvocationContext,
  maxResponseBytes = MAX_RESPONSE_BYTES,
): Promise<InvokeOutcome> {
  return runBuffered(handler, payload, context, maxResponseBytes, JSON_TEXT);
}

/** {@link invokeBuffered} with its parse and serialize steps given (go1.x works on bytes). */
export async function runBuffered<P, B>(
  handler: Handler,
  payload: P,
  context: InvocationContext,
  maxResponseBytes: number,
  steps: BufferedSteps<P, B>,
): Promise<{ ok: true; body: B } | { ok: false; error: unknown }> {
  try {
    const event = steps.parse(payload);
    const result = await runWithContext(context, () => handler(event, context));
    return { ok: true, body: steps.serialize(result, maxResponseBytes) };
  } catch (error) {
    runWithContext(context, () => logInvokeError(error));
    return { ok: false, error };
  } finally {
    context.end();
  }
}

/** Logs a failed invocation like the Node.js runtime: `Invoke Error` and the error JSON. */
export function logInvokeError(error: unknown, label = 'Invoke Error'): void {
  let detail: string;
  try {
    const f = formatError(error);
    detail = JSON.stringify({ errorType: f.errorType, errorMessage: f.errorMessage, stackTrace: f.stackTrace });
  } catch {
    detail = String(error);
  }
  emit('ERROR', [`${label} \t${detail}`]);
}
