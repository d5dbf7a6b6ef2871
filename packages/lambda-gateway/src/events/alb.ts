import type { ALBEvent, ALBResult } from '@tslambda/lambda-events/alb';
import type { HttpResponsePrelude } from '@tslambda/lambda-runtime';
import { collectHeaders, requireString } from '../internal/headers.js';
import type { EventAdapter, RequestParts, ResponseHead, ResponseParts } from '../internal/parts.js';
import { multiValueHeaders, singleValueHeaders, spreadCookies, statusDescription } from '../internal/result-headers.js';
import { bodyOf, joinQuery, originOf, safePath, stripPrefix } from '../internal/url.js';

/** Whether the target group has multi-value headers on: ALB then sends (and reads) `multiValueHeaders`. */
export function isMultiValueALB(event: ALBEvent): boolean {
  return event.multiValueHeaders !== undefined && event.multiValueHeaders !== null;
}

function albRequest(event: ALBEvent, strip: boolean, basePath: string | undefined): RequestParts {
  const headers: string[] = [];
  collectHeaders(event.headers, event.multiValueHeaders, headers);
  const raw = requireString(event.path, 'path');
  const path = strip ? stripPrefix(raw, basePath) : raw;
  // ALB passes query names and values as the client sent them (still percent-encoded).
  const query = joinQuery(event.queryStringParameters, event.multiValueQueryStringParameters);
  return {
    method: requireString(event.httpMethod, 'httpMethod'),
    origin: originOf(headers, [], 'http'),
    target: query ? `${safePath(path)}?${query}` : safePath(path),
    headers,
    body: bodyOf(event.body, event.isBase64Encoded),
  };
}

function albHeaders(event: ALBEvent, head: ResponseHead): { headers: Record<string, string> } | { multiValueHeaders: Record<string, string[]> } {
  if (isMultiValueALB(event)) return { multiValueHeaders: multiValueHeaders(head.headers) };
  const { headers, cookies } = singleValueHeaders(head.headers);
  if (cookies.length === 1) headers['set-cookie'] = cookies[0]!;
  else if (cookies.length > 1) spreadCookies(headers, cookies);
  return { headers };
}

function albResult(event: ALBEvent, res: ResponseParts): ALBResult {
  return {
    statusCode: res.status,
    statusDescription: statusDescription(res.status, res.statusText),
    ...albHeaders(event, res),
    body: res.body,
    isBase64Encoded: res.isBase64Encoded,
  };
}

function albPrelude(event: ALBEvent, head: ResponseHead): HttpResponsePrelude {
  return { statusCode: head.status, ...albHeaders(event, head) };
}

/** Application Load Balancer, answering in the header mode the request came in. */
export const alb: EventAdapter<ALBEvent> = { kind: 'alb', request: albRequest, result: albResult, prelude: albPrelude };
