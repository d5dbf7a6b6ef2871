import { field } from '../internal/guard.js';
import type { DocumentDBEvent } from './types.js';

/**
 * A DocumentDB change stream batch: `eventSource` "aws:docdb".
 *
 * @example
 * ```ts
 * if (isDocumentDBEvent(event)) console.log(event.events.length);
 * ```
 */
export function isDocumentDBEvent(x: unknown): x is DocumentDBEvent {
  return field(x, 'eventSource') === 'aws:docdb' && Array.isArray(field(x, 'events'));
}
