import { httpResponseStream, streamifyResponse, type StreamingHandler, type StreamingOptions } from '@tslambda/lambda-runtime';
import { adapterFor } from './detect.js';
import { fetchOf, headOf, isBodiless, toRequest } from './internal/fetch.js';
import type { EventAdapter } from './internal/parts.js';
import { pipeBody } from './internal/pipe.js';
import type { FetchApp, GatewayOptions, HttpEvent, LambdaHttpContext } from './types.js';

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
  const fetch = fetchOf(app);
  const strip = options.stripBasePath ?? true;
  const basePath = options.basePath;
  const onError = options.onError;
  const streaming: StreamingOptions = {};
  if (options.highWaterMark !== undefined) streaming.highWaterMark = options.highWaterMark;

  return streamifyResponse<HttpEvent>(async (event, stream, lambdaContext) => {
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
    const out = httpResponseStream(stream, adapter.prelude(event, head));
    const body = response.body;
    if (body !== null) {
      if (isBodiless(parts.method, head.status)) await body.cancel().catch(() => {});
      else await pipeBody(body, out);
    }
    out.end();
  }, streaming);
}
