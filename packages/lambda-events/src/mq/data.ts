import { decodeBase64 } from '../internal/base64.js';
import { utf8Decode } from '../internal/utf8.js';

/**
 * The bytes of an Amazon MQ message (ActiveMQ or RabbitMQ; `data` is base64).
 *
 * @example
 * ```ts
 * decodeMQData(message); // Uint8Array
 * ```
 */
export function decodeMQData(message: { data: string }): Uint8Array {
  return decodeBase64(message.data, 'data');
}

/** The message's data as UTF-8 text. */
export function decodeMQText(message: { data: string }): string {
  return utf8Decode(decodeMQData(message), 'data');
}
