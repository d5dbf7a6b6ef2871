import { field, firstRecord, isRecord } from '../internal/guard.js';
import type { CloudFrontRequestEvent, CloudFrontResponseEvent } from './types.js';

function cf(x: unknown): Record<string, unknown> | undefined {
  const c = field(firstRecord(x), 'cf');
  return isRecord(c) && isRecord(c.config) && isRecord(c.request) ? c : undefined;
}

/**
 * A Lambda@Edge request: `Records[0].cf` with `config` and `request`, no `response`.
 *
 * @example
 * ```ts
 * if (isCloudFrontRequestEvent(event)) console.log(event.Records[0]!.cf.request.uri);
 * ```
 */
export function isCloudFrontRequestEvent(x: unknown): x is CloudFrontRequestEvent {
  const c = cf(x);
  return c !== undefined && c.response === undefined;
}

/** A Lambda@Edge response: `Records[0].cf.response`. */
export function isCloudFrontResponseEvent(x: unknown): x is CloudFrontResponseEvent {
  return isRecord(cf(x)?.response);
}
