import type { Context } from '@tslambda/lambda-runtime';
import { isBinaryResponse } from './binary.js';
import { adapterFor } from './detect.js';
import { fetchOf, headOf, isBodiless, readBody, toRequest } from './internal/fetch.js';
import type { EventAdapter, ResponseParts } from './internal/parts.js';
import type { FetchApp, GatewayOptions, HttpEvent, HttpResult, LambdaHttpContext } from './types.js';

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
  const fetch = fetchOf(app);
  const strip = options.stripBasePath ?? true;
  const basePath = options.basePath;
  const isBinary = options.isBinary ?? isBinaryResponse;
  const limit = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const onError = options.onError;

  return async function httpHandler(event: HttpEvent, lambdaContext: Context): Promise<HttpResult> {
    const adapter = adapterFor(event) as EventAdapter<HttpEvent>;
    const parts = adapter.request(event, strip, basePath);
    const request = toRequest(parts);
    const ctx: LambdaHttpContext = {
      event,
      requestContext: (event as { requestContext?: unknown }).requestContext,
      lambdaContext,
      kind: adapter.kind,
    };
    let response: Response;
    try {
      response = await fetch(request, ctx);
    } catch (error) {
      if (!onError) throw error;
      response = await onError(error, request, ctx);
    }
    const head = headOf(response);
    const out = head as ResponseParts;
    const body = response.body;
    if (body === null || isBodiless(parts.method, head.status)) {
      if (body !== null) body.cancel().catch(() => {});
      out.body = '';
      out.isBase64Encoded = false;
    } else {
      const bytes = await readBody(body, limit);
      const binary = isBinary(response.headers.get('content-type'), response.headers.get('content-encoding'));
      out.body = binary ? bytes.toString('base64') : bytes.toString('utf8');
      out.isBase64Encoded = binary;
    }
    return adapter.result(event, out);
  };
}
