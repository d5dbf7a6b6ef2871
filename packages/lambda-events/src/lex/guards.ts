import { field, isRecord } from '../internal/guard.js';
import type { LexEvent } from './types.js';
import type { LexV2Event } from './v2-types.js';

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

/** A Lex V2 code hook request: `sessionState`, `interpretations` and `bot.localeId`. */
export function isLexV2Event(x: unknown): x is LexV2Event {
  return isRecord(field(x, 'sessionState')) && Array.isArray(field(x, 'interpretations')) && typeof field(field(x, 'bot'), 'localeId') === 'string';
}
