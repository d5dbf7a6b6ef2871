import type { Context } from '@tslambda/lambda-runtime';
import { adapterFor } from '../detect.js';
import type { FetchApp, FetchHandler, GatewayOptions, HttpEvent, LambdaHttpContext } from '../types.js';
import { fetchOf, toRequest } from './fetch.js';
import type { EventAdapter, RequestParts } from './parts.js';

/** What one event becomes before the app sees it: its adapter, the request parts, the `Request` and its context. */
export interface Prepared {
  adapter: EventAdapter<HttpEvent>;
  parts: RequestParts;
  request: Request;
  ctx: LambdaHttpContext;
}

/** The steps shared by the buffered and streaming handlers: event → `Request`, the app, and `onError`. */
export interface Dispatcher {
  /** Event → adapter, parts, `Request` and context (synchronous: no promise per step). */
  prepare(event: HttpEvent, lambdaContext: Context): Prepared;
  /** The app's fetch function. */
  fetch: FetchHandler;
  /** An app error as `onError`'s response, or the error again without `onError`. */
  recover(error: unknown, prepared: Prepared): Response | Promise<Response>;
}

export function dispatcher(app: FetchApp, options: Pick<GatewayOptions, 'stripBasePath' | 'basePath' | 'onError'>): Dispatcher {
  const strip = options.stripBasePath ?? true;
  const { basePath, onError } = options;
  return {
    fetch: fetchOf(app),
    prepare(event, lambdaContext) {
      const adapter = adapterFor(event) as EventAdapter<HttpEvent>;
      const parts = adapter.request(event, strip, basePath);
      const request = toRequest(parts);
      const ctx: LambdaHttpContext = {
        event,
        requestContext: (event as { requestContext?: unknown }).requestContext,
        lambdaContext,
        kind: adapter.kind,
      };
      return { adapter, parts, request, ctx };
    },
    recover(error, prepared) {
      if (!onError) throw error;
      return onError(error, prepared.request, prepared.ctx);
    },
  };
}
