import type { Context } from '@tslambda/lambda-runtime';
import { adapterFor } from '../detect.js';
import type { FetchApp, GatewayOptions, HttpEvent, LambdaHttpContext } from '../types.js';
import { fetchOf, toRequest } from './fetch.js';
import type { EventAdapter, RequestParts } from './parts.js';

/** What one event produced: its adapter, the request parts and the app's response. */
export interface Dispatched {
  adapter: EventAdapter<HttpEvent>;
  parts: RequestParts;
  response: Response;
}

/** Event → `Request` → the app (or `onError`) → `Response`; shared by the buffered and streaming handlers. */
export function dispatcher(app: FetchApp, options: Pick<GatewayOptions, 'stripBasePath' | 'basePath' | 'onError'>) {
  const fetch = fetchOf(app);
  const strip = options.stripBasePath ?? true;
  const { basePath, onError } = options;
  return async function dispatch(event: HttpEvent, lambdaContext: Context): Promise<Dispatched> {
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
    return { adapter, parts, response };
  };
}
