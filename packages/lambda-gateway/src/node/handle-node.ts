import type { IncomingMessage, ServerResponse } from 'node:http';
import { httpResponseStream, streamifyResponse, type Context, type StreamingHandler, type StreamingOptions } from '@tslambda/lambda-runtime';
import { isBinaryResponse } from '../binary.js';
import { adapterFor } from '../detect.js';
import { ResponseTooLargeError } from '../errors.js';
import { DEFAULT_MAX_RESPONSE_BYTES, type HttpHandler } from '../handle.js';
import type { EventAdapter, ResponseHead, ResponseParts } from '../internal/parts.js';
import { drained } from '../internal/pipe.js';
import type { GatewayOptions, HttpEvent, HttpResult } from '../types.js';
import { nodeHttp } from './http.js';
import { toIncomingMessage } from './request.js';
import { createServerResponse } from './response.js';

/** A Node request listener: an Express app, `fastify.routing`, Koa's `app.callback()`, a plain `http` listener. */
export type NodeRequestListener = (req: IncomingMessage, res: ServerResponse) => unknown;

/** Options of {@link handleNode}. */
export type NodeGatewayOptions = Omit<GatewayOptions, 'onError'>;

/** The client address of an event, as `req.socket.remoteAddress`. */
function sourceIpOf(event: HttpEvent): string | undefined {
  const rc = (event as { requestContext?: { http?: { sourceIp?: unknown }; identity?: { sourceIp?: unknown } } }).requestContext;
  const ip = rc?.http?.sourceIp ?? rc?.identity?.sourceIp;
  return typeof ip === 'string' ? ip : undefined;
}

function header(head: ResponseHead, name: string): string | null {
  for (let i = 0; i < head.headers.length; i += 2) if (head.headers[i] === name) return head.headers[i + 1]!;
  return null;
}

/** Runs `listener` and resolves when the response ends; rejects on a synchronous throw or a rejected promise. */
function run(listener: NodeRequestListener, req: IncomingMessage, res: ServerResponse, ended: Promise<void>): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    ended.then(resolve, reject);
    try {
      const r = listener(req, res);
      if (r !== null && typeof r === 'object' && typeof (r as Promise<unknown>).then === 'function') (r as Promise<unknown>).then(undefined, reject);
    } catch (error) {
      reject(error);
    }
  });
}

/**
 * Turns a Node `(req, res)` app into a buffered Lambda handler for the same
 * events as {@link handle}, through in-memory `IncomingMessage` and
 * `ServerResponse` objects (no sockets, no HTTP parsing). The result comes
 * back when the app calls `res.end()`.
 *
 * @example
 * ```ts
 * import express from 'express';
 * import { handleNode } from '@tslambda/lambda-gateway';
 * const app = express().get('/hello', (req, res) => res.json({ hello: req.query.name }));
 * export const handler = handleNode(app);
 * ```
 */
export function handleNode(listener: NodeRequestListener, options: NodeGatewayOptions = {}): HttpHandler {
  const strip = options.stripBasePath ?? true;
  const basePath = options.basePath;
  const isBinary = options.isBinary ?? isBinaryResponse;
  const limit = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;

  return async function nodeHttpHandler(event: HttpEvent, _context: Context): Promise<HttpResult> {
    const adapter = adapterFor(event) as EventAdapter<HttpEvent>;
    const parts = adapter.request(event, strip, basePath);
    const http = await nodeHttp();
    const req = toIncomingMessage(http, parts, sourceIpOf(event));
    let head: ResponseHead | undefined;
    const chunks: Buffer[] = [];
    let size = 0;
    let fail: (error: Error) => void = () => {};
    let finish: () => void = () => {};
    const ended = new Promise<void>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
    const res = createServerResponse(http, req, {
      head(h) {
        head = h;
      },
      write(chunk, done) {
        size += chunk.length;
        if (size > limit) {
          const error = new ResponseTooLargeError(limit);
          fail(error);
          process.nextTick(done, error);
          return false;
        }
        chunks.push(chunk);
        process.nextTick(done);
        return true;
      },
      end() {
        finish();
      },
    });
    await run(listener, req, res, ended);
    const h = head ?? { status: res.statusCode, statusText: res.statusMessage ?? '', headers: [] };
    const out = h as ResponseParts;
    if (size === 0) {
      out.body = '';
      out.isBase64Encoded = false;
    } else {
      const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
      const binary = isBinary(header(h, 'content-type'), header(h, 'content-encoding'));
      out.body = binary ? bytes.toString('base64') : bytes.toString('utf8');
      out.isBase64Encoded = binary;
    }
    return adapter.result(event, out);
  };
}

/** Options of {@link handleNodeStreaming}. */
export interface NodeStreamingGatewayOptions extends Omit<GatewayOptions, 'onError' | 'isBinary' | 'maxResponseBytes'>, StreamingOptions {}

/**
 * {@link handleNode} for functions invoked with response streaming: the
 * prelude goes out when the app's headers are final, then every `res.write()`
 * as it happens; `res.write()` returns `false` and `'drain'` fires on `res`
 * as the Runtime API connection fills and empties.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { handleNodeStreaming, start } from '@tslambda/lambda-gateway';
 * start(handleNodeStreaming((req, res) => { res.write('a'); setTimeout(() => res.end('b'), 100); }));
 * ```
 */
export function handleNodeStreaming(listener: NodeRequestListener, options: NodeStreamingGatewayOptions = {}): StreamingHandler<HttpEvent> {
  const strip = options.stripBasePath ?? true;
  const basePath = options.basePath;
  const streaming: StreamingOptions = {};
  if (options.highWaterMark !== undefined) streaming.highWaterMark = options.highWaterMark;

  return streamifyResponse<HttpEvent>(async (event, stream) => {
    const adapter = adapterFor(event) as EventAdapter<HttpEvent>;
    const parts = adapter.request(event, strip, basePath);
    const http = await nodeHttp();
    const req = toIncomingMessage(http, parts, sourceIpOf(event));
    let finish: () => void = () => {};
    let fail: (error: Error) => void = () => {};
    const ended = new Promise<void>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
    const onStreamGone = (error?: Error) => fail(error ?? new Error('the response stream closed before the response ended'));
    stream.once('error', onStreamGone);
    stream.once('close', () => onStreamGone());
    let out = stream;
    let res: ServerResponse | undefined = undefined;
    res = createServerResponse(http, req, {
      head(h) {
        out = httpResponseStream(stream, adapter.prelude(event, h));
      },
      write(chunk, done) {
        if (stream.destroyed) {
          process.nextTick(done, new Error('the response stream is closed'));
          return false;
        }
        const ok = stream.write(chunk, done);
        if (!ok) {
          drained(stream).then(
            () => res?.emit('drain'),
            () => {},
          );
        }
        return ok;
      },
      end() {
        finish();
      },
    });
    await run(listener, req, res, ended);
    stream.off('error', onStreamGone);
    out.end();
  }, streaming);
}
