import type { APIGatewayProxyEventV2WithRequestContext, APIGatewayProxyStructuredResultV2 } from '@tslambda/lambda-events/api-gateway';
import type { HttpResponsePrelude } from '@tslambda/lambda-runtime';
import { collectHeaders, removeHeader, requireString, toByteString } from '../internal/headers.js';
import type { EventAdapter, RequestParts, ResponseHead, ResponseParts } from '../internal/parts.js';
import { singleValueHeaders } from '../internal/result-headers.js';
import { bodyOf, originOf, safePath, stripPrefix } from '../internal/url.js';

interface V2RequestContext {
  domainName?: string;
  stage?: string;
  http: { method: string };
}
type V2Event = APIGatewayProxyEventV2WithRequestContext<V2RequestContext>;

function v2Request(event: V2Event, strip: boolean, basePath: string | undefined): RequestParts {
  const rc = event.requestContext;
  const headers: string[] = [];
  collectHeaders(event.headers, undefined, headers);
  const cookies = event.cookies;
  if (Array.isArray(cookies) && cookies.length > 0) {
    removeHeader(headers, 'cookie');
    headers.push('cookie', toByteString(cookies.join('; ')));
  }
  let path = requireString(event.rawPath, 'rawPath') || '/';
  if (strip) {
    const stage = rc.stage;
    if (stage && stage !== '$default') path = stripPrefix(path, `/${stage}`);
    path = stripPrefix(path, basePath);
  }
  const query = event.rawQueryString === undefined || event.rawQueryString === null ? '' : requireString(event.rawQueryString, 'rawQueryString');
  return {
    method: requireString(rc.http.method, 'requestContext.http.method'),
    origin: originOf(headers, [rc.domainName]),
    target: query ? `${safePath(path)}?${query}` : safePath(path),
    headers,
    body: bodyOf(event.body, event.isBase64Encoded),
  };
}

function v2Result(_event: unknown, res: ResponseParts): APIGatewayProxyStructuredResultV2 {
  const { headers, cookies } = singleValueHeaders(res.headers);
  const out: APIGatewayProxyStructuredResultV2 = { statusCode: res.status, headers };
  if (cookies.length > 0) out.cookies = cookies;
  out.body = res.body;
  out.isBase64Encoded = res.isBase64Encoded;
  return out;
}

function v2Prelude(_event: unknown, head: ResponseHead): HttpResponsePrelude {
  const { headers, cookies } = singleValueHeaders(head.headers);
  return cookies.length > 0 ? { statusCode: head.status, headers, cookies } : { statusCode: head.status, headers };
}

/** API Gateway HTTP API (payload 2.0). */
export const http: EventAdapter<V2Event> = { kind: 'http', request: v2Request, result: v2Result, prelude: v2Prelude };

/** Lambda Function URL (the payload 2.0 shape). */
export const functionUrl: EventAdapter<V2Event> = { kind: 'function-url', request: v2Request, result: v2Result, prelude: v2Prelude };
