import { field } from '../internal/guard.js';
import type { SecretsManagerRotationEvent } from './types.js';

/**
 * A rotation step: `Step`, `SecretId` and `ClientRequestToken`.
 *
 * @example
 * ```ts
 * if (isSecretsManagerRotationEvent(event)) console.log(event.Step);
 * ```
 */
export function isSecretsManagerRotationEvent(x: unknown): x is SecretsManagerRotationEvent {
  return typeof field(x, 'Step') === 'string' && typeof field(x, 'SecretId') === 'string' && typeof field(x, 'ClientRequestToken') === 'string';
}
