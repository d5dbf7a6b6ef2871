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
 * The headers of a Kafka record as name → values (bytes). Lambda sends each
 * value as an array of Java's signed bytes (-128..127); this turns them into
 * `Uint8Array`s. Repeated names keep every value, in order.
 *
 * @example
 * ```ts
 * decodeKafkaHeaderBytes({ headers: [{ k: [118, -36] }] }); // { k: [Uint8Array [118, 220]] }
 * ```
 */
export function decodeKafkaHeaderBytes(record: Pick<KafkaRecord, 'headers'>): Record<string, Uint8Array[]> {
  const out: Record<string, Uint8Array[]> = {};
  for (const header of record.headers) {
    for (const name of Object.keys(header)) {
      const list = Object.hasOwn(out, name) ? (out[name] as Uint8Array[]) : [];
      list.push(Uint8Array.from(header[name] ?? [], (b) => b & 0xff));
      // defineProperty: a header named "__proto__" stays an own property.
      Object.defineProperty(out, name, { value: list, enumerable: true, writable: true, configurable: true });
    }
  }
  return out;
}

/**
 * The headers of a Kafka record as name → values decoded as UTF-8 text
 * (`INVALID_BODY` when a value is not UTF-8: use `decodeKafkaHeaderBytes` then).
 *
 * @example
 * ```ts
 * decodeKafkaHeaders({ headers: [{ k: [118, 49] }] }); // { k: ['v1'] }
 * ```
 */
export function decodeKafkaHeaders(record: Pick<KafkaRecord, 'headers'>): Record<string, string[]> {
  const bytes = decodeKafkaHeaderBytes(record);
  const out: Record<string, string[]> = {};
  for (const name of Object.keys(bytes)) {
    const values = (bytes[name] as Uint8Array[]).map((b, i) => utf8Decode(b, `headers.${name}[${i}]`));
    Object.defineProperty(out, name, { value: values, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
