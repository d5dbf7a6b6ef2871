import type { APIGatewayProxyEvent, APIGatewayProxyResult, APIGatewayProxyWebsocketEventV2 } from '@tslambda/lambda-events/api-gateway';
import type { HttpResponsePrelude } from '@tslambda/lambda-runtime';
import { collectHeaders, requireString } from '../internal/headers.js';
import type { EventAdapter, RequestParts, ResponseHead, ResponseParts } from '../internal/parts.js';
import { singleValueHeaders } from '../internal/result-headers.js';
import { bodyOf, encodeQuery, originOf, safePath, stripPrefix } from '../internal/url.js';

/**
 * The path relative to the API: `event.path` minus what precedes the part
 * that `resource` (with `pathParameters` filled in) matches, i.e. a custom
 * domain's base path, or a stage that API Gateway left in.
 */
export function apiRelativePath(path: string, resource: string | undefined, params: Record<string, string | undefined> | null | undefined): string {
  if (!resource || resource === path) return path;
  if (resource === '/') return '/';
  const template = templateOf(resource);
  let expected = template[0]!;
  for (let i = 1; i < template.length; i += 2) {
    const v = params?.[template[i]!];
    if (v === undefined || v === null) return path;
    expected += v + template[i + 1]!;
  }
  if (path.endsWith(expected)) return path.slice(path.length - expected.length);
  if (path.endsWith(`${expected}/`)) return path.slice(path.length - expected.length - 1);
  return path;
}

// A function serves a handful of resources: their parsed templates are kept (256 of up to 512 characters at most).
const templates = new Map<string, string[]>();

/** `/a/{id}/{proxy+}` as `['/a/', 'id', '/', 'proxy', '']`: literal, name, literal, ..., literal. */
function templateOf(resource: string): string[] {
  let t = templates.get(resource);
  if (t !== undefined) return t;
  t = [];
  let last = 0;
  for (const m of resource.matchAll(/\{([^}]+?)\+?\}/g)) {
    t.push(resource.slice(last, m.index), m[1]!);
    last = m.index + m[0].length;
  }
  t.push(resource.slice(last));
  if (resource.length <= 512) {
    if (templates.size >= 256) templates.clear();
    templates.set(resource, t);
  }
  return t;
}

function restRequest(event: APIGatewayProxyEvent, strip: boolean, basePath: string | undefined): RequestParts {
  const headers: string[] = [];
  collectHeaders(event.headers, event.multiValueHeaders, headers);
  const rc = event.requestContext;
  const eventPath = requireString(event.path, 'path');
  let path: string;
  if (strip) path = stripPrefix(apiRelativePath(eventPath, typeof event.resource === 'string' ? event.resource : undefined, event.pathParameters), basePath);
  else path = typeof rc?.path === 'string' ? rc.path : eventPath;
  const query = encodeQuery(event.queryStringParameters, event.multiValueQueryStringParameters);
  return {
    method: requireString(event.httpMethod, 'httpMethod'),
    origin: originOf(headers, [rc?.domainName]),
    target: query ? `${safePath(path)}?${query}` : safePath(path),
    headers,
    body: bodyOf(event.body, event.isBase64Encoded),
  };
}

/** Single values in `headers`, names with several values (`Set-Cookie`) in `multiValueHeaders`. */
function restHeaders(head: ResponseHead): { headers: Record<string, string>; multiValueHeaders?: Record<string, string[]> } {
  const { headers, cookies } = singleValueHeaders(head.headers);
  if (cookies.length === 0) return { headers };
  return { headers, multiValueHeaders: { 'set-cookie': cookies } };
}

function restResult(_event: unknown, res: ResponseParts): APIGatewayProxyResult {
  return { statusCode: res.status, ...restHeaders(res), body: res.body, isBase64Encoded: res.isBase64Encoded };
}

function restPrelude(_event: unknown, head: ResponseHead): HttpResponsePrelude {
  return { statusCode: head.status, ...restHeaders(head) };
}

/** API Gateway REST API (payload 1.0, also HTTP APIs with payload 1.0). */
export const rest: EventAdapter<APIGatewayProxyEvent> = {
  kind: 'rest',
  request: restRequest,
  result: restResult,
  prelude: restPrelude,
};

function websocketRequest(event: APIGatewayProxyWebsocketEventV2, strip: boolean, basePath: string | undefined): RequestParts {
  const rc = event.requestContext;
  if (typeof event.path === 'string' && typeof event.httpMethod === 'string') {
    return restRequest(event as unknown as APIGatewayProxyEvent, strip, basePath);
  }
  const headers: string[] = [];
  collectHeaders(event.headers, event.multiValueHeaders, headers);
  const method = typeof rc.httpMethod === 'string' ? rc.httpMethod : rc.eventType === 'CONNECT' ? 'GET' : 'POST';
  const query = encodeQuery(event.queryStringParameters, event.multiValueQueryStringParameters);
  const path = safePath(`/${requireString(rc.routeKey, 'requestContext.routeKey')}`);
  return {
    method,
    origin: originOf(headers, [rc.domainName]),
    target: query ? `${path}?${query}` : path,
    headers,
    body: bodyOf(event.body, event.isBase64Encoded),
  };
}

/** API Gateway WebSocket API: the route key is the path (`/$connect`, `/$default`, `/sendMessage`). */
export const websocket: EventAdapter<APIGatewayProxyWebsocketEventV2> = {
  kind: 'websocket',
  request: websocketRequest,
  result: restResult,
  prelude: restPrelude,
};
