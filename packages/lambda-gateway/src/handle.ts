import type { Context } from '@tslambda/lambda-runtime';
import { isBinaryResponse } from './binary.js';
import { dispatcher } from './internal/dispatch.js';
import { ResponseTooLargeError } from './errors.js';
import { headOf, isBodiless, readBody } from './internal/fetch.js';
import type { ResponseParts } from './internal/parts.js';
import { sourceOf } from './internal/source.js';
import type { BinaryRule, FetchApp, GatewayOptions, HttpEvent, HttpResult } from './types.js';

/** Lambda's buffered response limit, as a default body limit. */
export const DEFAULT_MAX_RESPONSE_BYTES = 6 * 1024 * 1024;

/** A buffered Lambda handler for HTTP events. */
export type HttpHandler = (event: HttpEvent, context: Context) => Promise<HttpResult>;

/**
 * Turns a fetch handler (`(request, ctx) => Response`) into a Lambda handler
 * for API Gateway REST/HTTP/WebSocket APIs, ALB, Function URLs and VPC
 * Lattice. The event kind is detected per invocation; the result has the
 * shape that kind expects. Response bodies with a stream are read to the end
 * (up to `maxResponseBytes`); for real streaming see {@link handleStreaming}.
 *
 * @example
 * ```ts
 * import { Hono } from 'hono';
 * import { handle } from '@tslambda/lambda-gateway';
 * const app = new Hono().get('/hello', (c) => c.json({ hello: 'world' }));
 * export const handler = handle(app);
 * ```
 */
export function handle(app: FetchApp, options: GatewayOptions = {}): HttpHandler {
  const { prepare, fetch, recover } = dispatcher(app, options);
  const isBinary = options.isBinary ?? lastBinaryAnswer();
  const limit = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;

  return async function httpHandler(event: HttpEvent, lambdaContext: Context): Promise<HttpResult> {
    const prepared = prepare(event, lambdaContext);
    const { adapter, parts } = prepared;
    let response: Response;
    try {
      response = await fetch(prepared.request, prepared.ctx);
    } catch (error) {
      response = await recover(error, prepared);
    }
    const head = headOf(response);
    const out = head as ResponseParts;
    const body = response.body;
    if (body === null || isBodiless(parts.method, head.status)) {
      if (body !== null) body.cancel().catch(() => {});
      out.body = '';
      out.isBase64Encoded = false;
    } else {
      const binary = isBinary(valueOf(head.headers, 'content-type'), valueOf(head.headers, 'content-encoding'));
      const known = sourceOf(response, body);
      if (known !== undefined) {
        if (known.length > limit) {
          const error = new ResponseTooLargeError(limit);
          body.cancel(error).catch(() => {});
          throw error;
        }
        out.body = encodeSource(known.source, binary);
      } else {
        const bytes = await readBody(body, limit);
        out.body = binary ? bytes.toString('base64') : bytes.toString('utf8');
      }
      out.isBase64Encoded = binary;
    }
    return adapter.result(event, out);
  };
}

/** A header's value in a response head (lower-case names, one entry per name but `set-cookie`), or `null`. */
function valueOf(headers: string[], name: string): string | null {
  for (let i = 0; i < headers.length; i += 2) if (headers[i] === name) return headers[i + 1]!;
  return null;
}

const SURROGATE = /[\ud800-\udfff]/;

/** A body source as result text: UTF-8 bytes in base64, or the text itself (lone surrogates become U+FFFD, as on the wire). */
function encodeSource(source: string | Uint8Array, binary: boolean): string {
  if (typeof source === 'string') {
    if (binary) return Buffer.from(source, 'utf8').toString('base64');
    return SURROGATE.test(source) ? Buffer.from(source, 'utf8').toString('utf8') : source;
  }
  const bytes = Buffer.from(source.buffer, source.byteOffset, source.byteLength);
  return binary ? bytes.toString('base64') : bytes.toString('utf8');
}

/** {@link isBinaryResponse}, answering again at once for the same content type and encoding as last time. */
function lastBinaryAnswer(): BinaryRule {
  let type: string | null | undefined;
  let encoding: string | null | undefined;
  let answer = false;
  return (contentType, contentEncoding) => {
    if (contentType !== type || contentEncoding !== encoding) {
      answer = isBinaryResponse(contentType, contentEncoding);
      type = contentType;
      encoding = contentEncoding;
    }
    return answer;
  };
}
