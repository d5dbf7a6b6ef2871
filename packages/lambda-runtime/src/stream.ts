import { Writable } from 'node:stream';
import { InvalidStreamingOperationError, ResponseSizeTooLargeError } from './errors.js';
import type { Context } from './types.js';

/** Content type of an HTTP-integration streamed response (JSON prelude, 8 NUL bytes, body). */
export const HTTP_INTEGRATION_CONTENT_TYPE = 'application/vnd.awslambda.http-integration-response';
/** Default content type of a streamed response. */
export const DEFAULT_STREAM_CONTENT_TYPE = 'application/octet-stream';
/** Largest streamed response Lambda accepts: 200 MiB. */
export const MAX_STREAM_RESPONSE_BYTES = 200 * 1024 * 1024;

const STREAMING = Symbol.for('tslambda.streaming');

/**
 * The writable a streaming handler writes its response to. A Node
 * `Writable` with backpressure (`write()` returns `false` when the Runtime
 * API connection is full; wait for `'drain'`, or use `pipeline`).
 */
export interface ResponseStream extends Writable {
  /** Sets the response's content type; only before the first write. */
  setContentType(contentType: string): void;
}

/** A streaming handler: writes its response to `stream` instead of returning it. */
export type StreamingHandler<TEvent = unknown> = ((
  event: TEvent,
  stream: ResponseStream,
  context: Context,
) => Promise<void> | void) & { readonly [STREAMING]: StreamingOptions };

/** Options of {@link streamifyResponse}. */
export interface StreamingOptions {
  /** Buffered bytes before `write()` returns `false` (default 16 KiB). */
  highWaterMark?: number;
}

/**
 * Marks a handler as streaming (like the Node.js runtime's
 * `awslambda.streamifyResponse`): it gets `(event, stream, context)` and the
 * runtime streams what it writes with `Lambda-Runtime-Function-Response-Mode: streaming`.
 * An error thrown (or `stream.destroy(err)`) after the first byte reaches the
 * caller as HTTP trailers. If the handler returns without ending the stream,
 * the runtime ends it.
 *
 * @example
 * ```ts
 * import { start, streamifyResponse } from '@tslambda/lambda-runtime';
 * start(streamifyResponse(async (event, stream) => {
 *   stream.setContentType('text/plain');
 *   stream.write('hello ');
 *   stream.end('world');
 * }));
 * ```
 */
export function streamifyResponse<TEvent = unknown>(
  handler: (event: TEvent, stream: ResponseStream, context: Context) => Promise<void> | void,
  options: StreamingOptions = {},
): StreamingHandler<TEvent> {
  Object.defineProperty(handler, STREAMING, { value: { ...options }, enumerable: false });
  return handler as StreamingHandler<TEvent>;
}

/** Whether a handler was marked with {@link streamifyResponse}. */
export function isStreamingHandler(handler: unknown): handler is StreamingHandler {
  return typeof handler === 'function' && STREAMING in handler;
}

/** The streaming options given to {@link streamifyResponse}. */
export function streamingOptions(handler: StreamingHandler): StreamingOptions {
  return handler[STREAMING];
}

/** The metadata an HTTP integration (Function URL, API Gateway) reads before the body. */
export interface HttpResponsePrelude {
  statusCode?: number;
  headers?: Record<string, string>;
  cookies?: string[];
  [key: string]: unknown;
}

/**
 * Starts an HTTP-integration response on a streaming handler's stream: sets
 * the content type to `application/vnd.awslambda.http-integration-response`
 * and writes the prelude (status, headers, cookies) as JSON followed by 8 NUL
 * bytes; what the handler writes next is the HTTP body. Same as the Node.js
 * runtime's `awslambda.HttpResponseStream.from`.
 *
 * @example
 * ```ts
 * import { httpResponseStream, start, streamifyResponse } from '@tslambda/lambda-runtime';
 * start(streamifyResponse(async (_event, stream) => {
 *   const body = httpResponseStream(stream, { statusCode: 200, headers: { 'content-type': 'text/html' } });
 *   body.end('<h1>hi</h1>');
 * }));
 * ```
 */
export function httpResponseStream(stream: ResponseStream, prelude: HttpResponsePrelude): ResponseStream {
  stream.setContentType(HTTP_INTEGRATION_CONTENT_TYPE);
  stream.write(encodeHttpPrelude(prelude));
  return stream;
}

/** The bytes of an HTTP-integration prelude: JSON then 8 NUL bytes. */
export function encodeHttpPrelude(prelude: HttpResponsePrelude): Buffer {
  const json = Buffer.from(JSON.stringify(prelude), 'utf8');
  const out = Buffer.alloc(json.length + 8);
  json.copy(out, 0);
  return out;
}

/** Where a {@link LambdaResponseStream} writes: the transport's HTTP request. */
export interface StreamSink {
  setHeader(name: string, value: string): void;
  /** Writes a chunk; returns false when the caller must wait for `onDrain`. */
  write(chunk: Buffer): boolean;
  onDrain(callback: () => void): void;
}

/**
 * The {@link ResponseStream} transports hand to streaming handlers. It
 * counts bytes against a limit and keeps the content type settable until
 * the first write.
 */
export class LambdaResponseStream extends Writable implements ResponseStream {
  #sink: StreamSink;
  #started = false;
  #bytes = 0;
  #limit: number;

  constructor(sink: StreamSink, options: { highWaterMark?: number; maxBytes?: number } = {}) {
    super({ highWaterMark: options.highWaterMark ?? 16 * 1024, decodeStrings: true });
    this.#sink = sink;
    this.#limit = options.maxBytes ?? MAX_STREAM_RESPONSE_BYTES;
  }

  /** Bytes written so far. */
  get bytesWritten(): number {
    return this.#bytes;
  }

  /** Whether the first byte has been written. */
  get started(): boolean {
    return this.#started;
  }

  setContentType(contentType: string): void {
    if (this.#started) throw new InvalidStreamingOperationError('cannot set the content type after the first write');
    this.#sink.setHeader('Content-Type', contentType);
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.#started = true;
    this.#bytes += chunk.length;
    if (this.#bytes > this.#limit) {
      callback(new ResponseSizeTooLargeError(this.#bytes, this.#limit));
      return;
    }
    if (this.#sink.write(chunk)) callback();
    else this.#sink.onDrain(() => callback());
  }
}
