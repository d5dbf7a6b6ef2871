import { LambdaEventError } from '../errors.js';

const decoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/** Bytes to text; malformed UTF-8 is an `INVALID_BODY` error. */
export function utf8Decode(bytes: Uint8Array, path?: string): string {
  try {
    return decoder.decode(bytes);
  } catch (cause) {
    throw new LambdaEventError('INVALID_BODY', 'data is not valid UTF-8', path === undefined ? { cause } : { path, cause });
  }
}

export function utf8Encode(text: string): Uint8Array {
  return encoder.encode(text);
}

/** JSON.parse with an `INVALID_JSON` error. */
export function parseJson(text: string, path?: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new LambdaEventError('INVALID_JSON', 'data is not JSON', path === undefined ? { cause } : { path, cause });
  }
}
