import { field } from '../internal/guard.js';
import type { ConfigRuleEvent } from './types.js';

/**
 * A Config rule evaluation: `configRuleArn`, `invokingEvent` and `resultToken`.
 *
 * @example
 * ```ts
 * if (isConfigRuleEvent(event)) console.log(event.configRuleName);
 * ```
 */
export function isConfigRuleEvent(x: unknown): x is ConfigRuleEvent {
  return typeof field(x, 'configRuleArn') === 'string' && typeof field(x, 'invokingEvent') === 'string' && typeof field(x, 'resultToken') === 'string';
}
