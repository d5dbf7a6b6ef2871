import { field, isRecord } from '../internal/guard.js';
import type { CdkCustomResourceEvent, CloudFormationCustomResourceEvent } from './types.js';

function isRequest(x: unknown): boolean {
  const type = field(x, 'RequestType');
  return (
    (type === 'Create' || type === 'Update' || type === 'Delete') &&
    typeof field(x, 'StackId') === 'string' &&
    typeof field(x, 'LogicalResourceId') === 'string' &&
    isRecord(field(x, 'ResourceProperties'))
  );
}

/**
 * A CloudFormation custom resource request: `RequestType`, `StackId` and `ResponseURL`.
 *
 * @example
 * ```ts
 * if (isCloudFormationCustomResourceEvent(event)) console.log(event.RequestType);
 * ```
 */
export function isCloudFormationCustomResourceEvent(x: unknown): x is CloudFormationCustomResourceEvent {
  return isRequest(x) && typeof field(x, 'ResponseURL') === 'string';
}

/** A CDK provider `onEvent` request: a CloudFormation request, `ResponseURL` optional (so every CloudFormation request passes). */
export function isCdkCustomResourceEvent(x: unknown): x is CdkCustomResourceEvent {
  return isRequest(x);
}
