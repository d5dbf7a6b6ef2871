import { InvalidHttpEventError, InvalidResponseError, ResponseTooLargeError } from '../errors.js';
import type { FetchApp, FetchHandler } from '../types.js';
import type { RequestParts, ResponseHead } from './parts.js';

/** The fetch function of an app: the function itself, or its `fetch` method bound to it. */
export function fetchOf(app: FetchApp): FetchHandler {
  if (typeof app === 'function') return app;
  if (app !== null && typeof app === 'object' && typeof app.fetch === 'function') return app.fetch.bind(app);
  throw new TypeError('expected a fetch handler: a function (request, ctx) => Response, or an object with a fetch method');
}

/**
 * Builds the web-standard `Request` of an event. GET and HEAD requests carry no body (fetch forbids one).
 * Headers go straight into the request's own list: a `Headers` passed in `init` would be validated and copied twice.
 */
export function toRequest(parts: RequestParts): Request {
  const method = parts.method;
  const url = parts.origin + parts.target;
  let request: Request;
  try {
    if (method === 'GET') request = new Request(url);
    else if (parts.body !== null && method !== 'HEAD') request = new Request(url, { method, body: parts.body });
    else request = new Request(url, { method });
  } catch (error) {
    throw new InvalidHttpEventError('request', `cannot build a Request for ${method} ${url}: ${(error as Error).message}`);
  }
  const headers = request.headers;
  const h = parts.headers;
  for (let i = 0; i < h.length; i += 2) {
    try {
      headers.append(h[i]!, h[i + 1]!);
    } catch {
      // A name or value fetch cannot hold (API Gateway would not send one): left out.
    }
  }
  return request;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection']);

/** Status and headers of a `Response`, hop-by-hop headers left out. */
export function headOf(response: Response): ResponseHead {
  if (response === null || typeof response !== 'object' || typeof response.status !== 'number' || typeof response.headers?.get !== 'function') {
    throw new InvalidResponseError(`the handler must return a Response, got ${response === null ? 'null' : typeof response}`);
  }
  const headers: string[] = [];
  for (const [name, value] of response.headers) {
    if (!HOP_BY_HOP.has(name)) headers.push(name, value);
  }
  return { status: response.status, statusText: response.statusText, headers };
}

/** Whether a response to `method` with `status` has no body (HEAD, 1xx, 204, 304). */
export function isBodiless(method: string, status: number): boolean {
  return method === 'HEAD' || status === 204 || status === 304 || (status >= 100 && status < 200);
}

/** Reads a body into one buffer, failing past `limit` bytes. */
export async function readBody(body: ReadableStream<Uint8Array>, limit: number): Promise<Buffer> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) throw new ResponseTooLargeError(limit);
      chunks.push(value);
    }
  } catch (error) {
    reader.cancel(error).catch(() => {});
    throw error;
  }
  if (chunks.length === 1) {
    const c = chunks[0]!;
    return Buffer.from(c.buffer, c.byteOffset, c.byteLength);
  }
  return Buffer.concat(chunks, size);
}
