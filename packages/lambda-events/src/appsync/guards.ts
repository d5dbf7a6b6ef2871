import { field, isRecord } from '../internal/guard.js';
import type { AppSyncAuthorizerEvent, AppSyncResolverEvent, AppSyncResolverTemplateEvent } from './types.js';

/**
 * A direct Lambda resolver request: `arguments` and `info.fieldName`.
 *
 * @example
 * ```ts
 * if (isAppSyncResolverEvent(event)) console.log(event.info.fieldName);
 * ```
 */
export function isAppSyncResolverEvent(x: unknown): x is AppSyncResolverEvent {
  return isRecord(x) && 'arguments' in x && typeof field(x.info, 'fieldName') === 'string';
}

/** A Lambda authorizer request: `authorizationToken` and `requestContext.queryString`. */
export function isAppSyncAuthorizerEvent(x: unknown): x is AppSyncAuthorizerEvent {
  return typeof field(x, 'authorizationToken') === 'string' && typeof field(field(x, 'requestContext'), 'queryString') === 'string';
}

/** A VTL-built Lambda data source request: `operation` "Invoke" or "BatchInvoke" and a `payload`. */
export function isAppSyncResolverTemplateEvent(x: unknown): x is AppSyncResolverTemplateEvent {
  const op = field(x, 'operation');
  return (op === 'Invoke' || op === 'BatchInvoke') && typeof field(x, 'version') === 'string' && isRecord(x) && 'payload' in x;
}
