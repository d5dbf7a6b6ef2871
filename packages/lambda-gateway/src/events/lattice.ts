import type { VPCLatticeEvent, VPCLatticeEventV2, VPCLatticeResult } from '@tslambda/lambda-events/vpc-lattice';
import type { HttpResponsePrelude } from '@tslambda/lambda-runtime';
import { collectHeaders, requireString } from '../internal/headers.js';
import type { EventAdapter, RequestParts, ResponseHead, ResponseParts } from '../internal/parts.js';
import { singleValueHeaders, spreadCookies, statusDescription } from '../internal/result-headers.js';
import { bodyOf, encodeQuery, originOf, safePath, stripPrefix } from '../internal/url.js';

function target(rawPath: string, strip: boolean, basePath: string | undefined, query: string): string {
  // A path that already carries its query string is taken as sent.
  const q = rawPath.indexOf('?');
  if (q >= 0) {
    const p = rawPath.slice(0, q);
    return `${safePath(strip ? stripPrefix(p, basePath) : p)}${rawPath.slice(q)}`;
  }
  const p = safePath(strip ? stripPrefix(rawPath, basePath) : rawPath);
  return query ? `${p}?${query}` : p;
}

function latticeHeaders(head: ResponseHead): Record<string, string> {
  const { headers, cookies } = singleValueHeaders(head.headers);
  if (cookies.length === 1) headers['set-cookie'] = cookies[0]!;
  else if (cookies.length > 1) spreadCookies(headers, cookies);
  return headers;
}

function latticeResult(_event: unknown, res: ResponseParts): VPCLatticeResult {
  return {
    statusCode: res.status,
    statusDescription: statusDescription(res.status, res.statusText),
    headers: latticeHeaders(res),
    body: res.body,
    isBase64Encoded: res.isBase64Encoded,
  };
}

function latticePrelude(_event: unknown, head: ResponseHead): HttpResponsePrelude {
  return { statusCode: head.status, headers: latticeHeaders(head) };
}

function v1Request(event: VPCLatticeEvent, strip: boolean, basePath: string | undefined): RequestParts {
  const headers: string[] = [];
  collectHeaders(event.headers, undefined, headers);
  return {
    method: requireString(event.method, 'method'),
    origin: originOf(headers, []),
    target: target(requireString(event.raw_path, 'raw_path'), strip, basePath, encodeQuery(event.query_string_parameters, undefined)),
    headers,
    body: bodyOf(event.body, event.is_base64_encoded),
  };
}

function v2Request(event: VPCLatticeEventV2, strip: boolean, basePath: string | undefined): RequestParts {
  const headers: string[] = [];
  // Version 2 sends every header as a list of values.
  collectHeaders(undefined, event.headers, headers);
  return {
    method: requireString(event.method, 'method'),
    origin: originOf(headers, []),
    target: target(requireString(event.path, 'path'), strip, basePath, encodeQuery(undefined, event.queryStringParameters)),
    headers,
    body: bodyOf(event.body, event.isBase64Encoded),
  };
}

/** VPC Lattice, event structure version 1. */
export const latticeV1: EventAdapter<VPCLatticeEvent> = { kind: 'lattice-v1', request: v1Request, result: latticeResult, prelude: latticePrelude };

/** VPC Lattice, event structure version 2. */
export const latticeV2: EventAdapter<VPCLatticeEventV2> = { kind: 'lattice-v2', request: v2Request, result: latticeResult, prelude: latticePrelude };
