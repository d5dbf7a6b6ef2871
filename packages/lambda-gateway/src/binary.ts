const TEXT_TYPES = new Set([
  'application/json',
  'application/xml',
  'application/javascript',
  'application/ecmascript',
  'application/x-javascript',
  'application/x-www-form-urlencoded',
  'application/graphql',
  'application/x-ndjson',
  'application/yaml',
  'application/x-yaml',
  'image/svg+xml',
]);

/**
 * The default rule for base64 response bodies. A body is sent as text when
 * its `Content-Type` is `text/*`, JSON, XML, JavaScript, form data, YAML, or
 * ends in `+json`/`+xml`, with no charset or a UTF-8 one; everything else
 * (no content type, images, `application/octet-stream`, another charset) and
 * anything with a `Content-Encoding` other than `identity` (gzip, br) is
 * binary and goes base64-encoded.
 *
 * @example
 * ```ts
 * import { isBinaryResponse } from '@tslambda/lambda-gateway';
 * isBinaryResponse('application/json; charset=utf-8', null); // false
 * isBinaryResponse('text/html', 'gzip'); // true
 * isBinaryResponse('image/png', null); // true
 * ```
 */
export function isBinaryResponse(contentType: string | null, contentEncoding: string | null): boolean {
  if (contentEncoding && contentEncoding.trim().toLowerCase() !== 'identity') return true;
  if (!contentType) return true;
  const semi = contentType.indexOf(';');
  const type = (semi < 0 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
  const text = type.startsWith('text/') || TEXT_TYPES.has(type) || type.endsWith('+json') || type.endsWith('+xml');
  if (!text) return true;
  if (semi < 0) return false;
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1]?.toLowerCase();
  return charset !== undefined && charset !== 'utf-8' && charset !== 'utf8' && charset !== 'us-ascii';
}
