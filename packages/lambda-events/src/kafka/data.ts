import { decodeBase64 } from '../internal/base64.js';
import { utf8Decode } from '../internal/utf8.js';
import type { KafkaRecord } from './types.js';

/**
 * The value of a Kafka record as UTF-8 text (null for a tombstone).
 *
 * @example
 * ```ts
 * decodeKafkaValue(record); // "{\"id\":1}"
 * ```
 */
export function decodeKafkaValue(record: Pick<KafkaRecord, 'value'>): string | null {
  return record.value == null ? null : utf8Decode(decodeBase64(record.value, 'value'), 'value');
}

/** The key of a Kafka record as UTF-8 text (null when it has none). */
export function decodeKafkaKey(record: Pick<KafkaRecord, 'key'>): string | null {
  return record.key == null ? null : utf8Decode(decodeBase64(record.key, 'key'), 'key');
}

/**
 * The headers of a Kafka record as name → values, each value decoded as
 * UTF-8 from its byte array (Lambda sends Java's signed bytes, -128..127).
 *
 * @example
 * ```ts
 * decodeKafkaHeaders({ headers: [{ k: [118, 49] }] }); // { k: ['v1'] }
 * ```
 */
export function decodeKafkaHeaders(record: Pick<KafkaRecord, 'headers'>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  record.headers.forEach((header, i) => {
    for (const name of Object.keys(header)) {
      const bytes = Uint8Array.from(header[name] ?? [], (b) => b & 0xff);
      const list = Object.hasOwn(out, name) ? (out[name] as string[]) : [];
      list.push(utf8Decode(bytes, `headers[${i}].${name}`));
      Object.defineProperty(out, name, { value: list, enumerable: true, writable: true, configurable: true });
    }
  });
  return out;
}
