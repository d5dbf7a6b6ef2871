import { hasFunctionURLDomain, isAPIGatewayProxyEventV2 } from '../api-gateway/guards.js';
import { field } from '../internal/guard.js';
import type { LambdaFunctionURLEvent, LambdaFunctionURLEventWithIAMAuthorizer } from './types.js';

/**
 * A function URL request: the HTTP API payload 2.0 shape with a
 * `*.lambda-url.*` domain. Every such event also passes `isAPIGatewayProxyEventV2`.
 *
 * @example
 * ```ts
 * if (isLambdaFunctionURLEvent(event)) console.log(event.requestContext.domainName);
 * ```
 */
export function isLambdaFunctionURLEvent(x: unknown): x is LambdaFunctionURLEvent {
  return isAPIGatewayProxyEventV2(x) && hasFunctionURLDomain(x);
}

/** A function URL request with `AWS_IAM` auth: `requestContext.authorizer.iam` names the caller. */
export function isLambdaFunctionURLEventWithIAMAuthorizer(x: unknown): x is LambdaFunctionURLEventWithIAMAuthorizer {
  const iam = field(field(field(x, 'requestContext'), 'authorizer'), 'iam');
  return isLambdaFunctionURLEvent(x) && typeof field(iam, 'accessKey') === 'string';
}
