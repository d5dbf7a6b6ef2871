import { httpResponseStream, streamifyResponse, type StreamingHandler, type StreamingOptions } from '@tslambda/lambda-runtime';
import { dispatcher } from './internal/dispatch.js';
import { headOf, isBodiless } from './internal/fetch.js';
import { pipeBody } from './internal/pipe.js';
import type { FetchApp, GatewayOptions, HttpEvent } from './types.js';

/** Options of {@link handleStreaming}. */
export interface StreamingGatewayOptions extends Omit<GatewayOptions, 'isBinary' | 'maxResponseBytes'>, StreamingOptions {}

/**
 * Like {@link handle}, for functions invoked with response streaming
 * (Function URLs with `InvokeMode: RESPONSE_STREAM`, REST API integrations
 * with `responseTransferMode: STREAM`). Each response goes out as the
 * HTTP-integration prelude (status, headers, cookies) followed by the body as
 * the app produces it, with backpressure. Streamed and buffered responses can
 * come from the same app; bodiless responses (204, 304, redirects, HEAD) send
 * the prelude alone. An error after the first byte reaches the client as the
 * stream's error trailers.
 *
 * @example
 * ```ts
 * import { handleStreaming, start } from '@tslambda/lambda-gateway';
 * start(handleStreaming((req) => new Response(new ReadableStream({
 *   start(c) { c.enqueue(new TextEncoder().encode('tick\n')); c.close(); },
 * }))));
 * ```
 */
export function handleStreaming(app: FetchApp, options: StreamingGatewayOptions = {}): StreamingHandler<HttpEvent> {
  const { prepare, fetch, recover } = dispatcher(app, options);
  const streaming: StreamingOptions = {};
  if (options.highWaterMark !== undefined) streaming.highWaterMark = options.highWaterMark;

  return streamifyResponse<HttpEvent>(async (event, stream, lambdaContext) => {
    const prepared = prepare(event, lambdaContext);
    const { adapter, parts } = prepared;
    let response: Response;
    try {
      response = await fetch(prepared.request, prepared.ctx);
    } catch (error) {
      response = await recover(error, prepared);
    }
    const head = headOf(response);
    const out = httpResponseStream(stream, adapter.prelude(event, head));
    const body = response.body;
    if (body !== null) {
      if (isBodiless(parts.method, head.status)) await body.cancel().catch(() => {});
      else await pipeBody(body, out);
    }
    out.end();
  }, streaming);
}
