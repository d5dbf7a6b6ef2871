import { field, isRecord } from '../internal/guard.js';
import type { LexEvent } from './types.js';

/**
 * A Lex V1 code hook request: `currentIntent`, `bot` and `invocationSource`.
 *
 * @example
 * ```ts
 * if (isLexEvent(event)) console.log(event.currentIntent.name);
 * ```
 */
export function isLexEvent(x: unknown): x is LexEvent {
  return isRecord(field(x, 'currentIntent')) && isRecord(field(x, 'bot')) && typeof field(x, 'invocationSource') === 'string';
}
