import type { HttpResponsePrelude } from '@tslambda/lambda-runtime';
import type { EventKind, HttpEvent, HttpResult } from '../types.js';

/** An HTTP request read from an event, before it becomes a `Request` or an `IncomingMessage`. */
export interface RequestParts {
  method: string;
  /** Scheme and host, e.g. `https://example.com`. */
  origin: string;
  /** Path and query as they go on the request line, e.g. `/a/b?x=1`. */
  target: string;
  /** Flat name/value list, like Node's `rawHeaders`; values are byte strings. */
  headers: string[];
  body: Buffer | null;
}

/** Status line and headers of a response; `headers` is a flat name/value list with lower-case names. */
export interface ResponseHead {
  status: number;
  statusText: string;
  headers: string[];
}

/** A response ready to be put in a buffered result. */
export interface ResponseParts extends ResponseHead {
  body: string;
  isBase64Encoded: boolean;
}

/** What each event kind knows how to do. */
export interface EventAdapter<E = HttpEvent> {
  readonly kind: EventKind;
  request(event: E, strip: boolean, basePath: string | undefined): RequestParts;
  result(event: E, response: ResponseParts): HttpResult;
  /** The HTTP-integration prelude of a streamed response. */
  prelude(event: E, head: ResponseHead): HttpResponsePrelude;
}
