import { firstRecord } from '../internal/guard.js';
import type { CodeCommitTriggerEvent } from './types.js';

/**
 * A CodeCommit trigger: `Records[0].eventSource` is "aws:codecommit".
 *
 * @example
 * ```ts
 * if (isCodeCommitTriggerEvent(event)) console.log(event.Records.length);
 * ```
 */
export function isCodeCommitTriggerEvent(x: unknown): x is CodeCommitTriggerEvent {
  return firstRecord(x)?.eventSource === 'aws:codecommit';
}
