import { LambdaEventError } from '../errors.js';
import { decodeBase64 } from '../internal/base64.js';
import { isRecord } from '../internal/guard.js';
import { isDecimal, isExactNumber } from './decimal.js';
import { DynamoDBNumber } from './number.js';
import type { AttributeMap, AttributeValue } from './types.js';

/** A plain JavaScript value read from an attribute value. */
export type NativeValue =
  | string
  | number
  | bigint
  | boolean
  | null
  | Uint8Array
  | DynamoDBNumber
  | Set<string>
  | Set<number | bigint | DynamoDBNumber>
  | Set<Uint8Array>
  | NativeValue[]
  | { [name: string]: NativeValue };

/** Options of {@link unmarshall}. */
export interface UnmarshallOptions {
  /**
   * How to read `N` values.
   * - `'number'` (default): a `number`; a value a `number` cannot hold exactly
   *   (e.g. `12345678901234567891`) is an `UNSUPPORTED_VALUE` error, never silently rounded.
   * - `'bigint'`: integers as `bigint`, other values as `number` (same error when inexact).
   * - `'wrap'`: every number as a {@link DynamoDBNumber} holding the exact decimal string.
   */
  numbers?: 'number' | 'bigint' | 'wrap';
  /** Deepest nesting of M and L accepted (DynamoDB allows 32). Default 64. */
  maxDepth?: number;
}

function fail(code: 'INVALID_ATTRIBUTE_VALUE' | 'UNSUPPORTED_VALUE' | 'LIMIT_EXCEEDED', message: string, path: string): never {
  throw new LambdaEventError(code, message, { path: path || '(root)' });
}

function readNumber(s: unknown, mode: UnmarshallOptions['numbers'], path: string): number | bigint | DynamoDBNumber {
  if (typeof s !== 'string' || !isDecimal(s)) fail('INVALID_ATTRIBUTE_VALUE', `N must be a decimal string`, path);
  if (mode === 'wrap') return new DynamoDBNumber(s);
  if (mode === 'bigint' && /^-?\d+$/.test(s)) return BigInt(s);
  if (!isExactNumber(s)) fail('UNSUPPORTED_VALUE', `number ${s} does not fit a JavaScript number exactly; use numbers: 'wrap' or 'bigint'`, path);
  return Number(s);
}

function stringArray(v: unknown, type: string, path: string): string[] {
  if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) fail('INVALID_ATTRIBUTE_VALUE', `${type} must be an array of strings`, path);
  return v as string[];
}

/**
 * Converts one attribute value to a plain value: S → string, N → number (see
 * `numbers`), B → Uint8Array, SS/NS/BS → Set, M → object, L → array,
 * NULL → null, BOOL → boolean. Throws `LambdaEventError` on malformed input.
 *
 * @example
 * ```ts
 * unmarshallValue({ L: [{ S: 'a' }, { N: '1' }] }); // ['a', 1]
 * ```
 */
export function unmarshallValue(value: AttributeValue, options: UnmarshallOptions = {}): NativeValue {
  return convert(value, options, '', 0);
}

/**
 * Converts an item or image (`NewImage`, `Keys`...) to a plain object.
 *
 * @example
 * ```ts
 * unmarshall({ id: { S: 'a1' }, n: { N: '42' }, tags: { SS: ['x'] } }); // { id: 'a1', n: 42, tags: Set { 'x' } }
 * ```
 */
export function unmarshall(item: AttributeMap, options: UnmarshallOptions = {}): { [name: string]: NativeValue } {
  if (!isRecord(item)) fail('INVALID_ATTRIBUTE_VALUE', 'an item must be an object', '');
  return convertMap(item, options, '', 0);
}

function convertMap(map: Record<string, unknown>, options: UnmarshallOptions, path: string, depth: number): { [name: string]: NativeValue } {
  const out: { [name: string]: NativeValue } = {};
  for (const key of Object.keys(map)) {
    // defineProperty: a key such as "__proto__" becomes an own property, not the prototype.
    Object.defineProperty(out, key, {
      value: convert(map[key], options, path ? `${path}.${key}` : key, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

function convert(av: unknown, options: UnmarshallOptions, path: string, depth: number): NativeValue {
  if (depth > (options.maxDepth ?? 64)) fail('LIMIT_EXCEEDED', 'attribute values nested too deeply', path);
  if (!isRecord(av)) fail('INVALID_ATTRIBUTE_VALUE', 'an attribute value must be an object', path);
  const keys = Object.keys(av);
  if (keys.length !== 1) fail('INVALID_ATTRIBUTE_VALUE', `an attribute value must have exactly one type key, found ${keys.length}`, path);
  const type = keys[0] as string;
  const v = av[type];
  switch (type) {
    case 'S':
      if (typeof v !== 'string') fail('INVALID_ATTRIBUTE_VALUE', 'S must be a string', path);
      return v;
    case 'N':
      return readNumber(v, options.numbers, path);
    case 'B':
      if (typeof v !== 'string') fail('INVALID_ATTRIBUTE_VALUE', 'B must be a base64 string', path);
      return decodeBase64(v, path);
    case 'BOOL':
      if (typeof v !== 'boolean') fail('INVALID_ATTRIBUTE_VALUE', 'BOOL must be a boolean', path);
      return v;
    case 'NULL':
      if (v !== true) fail('INVALID_ATTRIBUTE_VALUE', 'NULL must be true', path);
      return null;
    case 'SS':
      return new Set(stringArray(v, type, path));
    case 'NS':
      return new Set(stringArray(v, type, path).map((s, i) => readNumber(s, options.numbers, `${path}[${i}]`)));
    case 'BS':
      return new Set(stringArray(v, type, path).map((s, i) => decodeBase64(s, `${path}[${i}]`)));
    case 'L':
      if (!Array.isArray(v)) fail('INVALID_ATTRIBUTE_VALUE', 'L must be an array', path);
      return v.map((item, i) => convert(item, options, `${path}[${i}]`, depth + 1));
    case 'M':
      if (!isRecord(v)) fail('INVALID_ATTRIBUTE_VALUE', 'M must be an object', path);
      return convertMap(v, options, path, depth);
    default:
      return fail('INVALID_ATTRIBUTE_VALUE', `unknown attribute type ${JSON.stringify(type)}`, path);
  }
}
