import { field, isRecord } from '../internal/guard.js';
import type { BedrockAgentRuntimeEvent } from './types.js';

/**
 * A Bedrock agent action group invocation: `agent`, `actionGroup` and `messageVersion`.
 *
 * @example
 * ```ts
 * if (isBedrockAgentRuntimeEvent(event)) console.log(event.actionGroup);
 * ```
 */
export function isBedrockAgentRuntimeEvent(x: unknown): x is BedrockAgentRuntimeEvent {
  return isRecord(field(x, 'agent')) && typeof field(x, 'actionGroup') === 'string' && typeof field(x, 'messageVersion') === 'string';
}
