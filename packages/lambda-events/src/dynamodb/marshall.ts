import { LambdaEventError } from '../errors.js';
import { encodeBase64 } from '../internal/base64.js';
import { isDecimal } from './decimal.js';
import { DynamoDBNumber } from './number.js';
import type { AttributeMap, AttributeValue } from './types.js';

/** Options of {@link marshall}. */
export interface MarshallOptions {
  /** Leave out object properties (and Map entries) whose value is `undefined`, instead of failing. Default false. */
  removeUndefinedValues?: boolean;
  /** Deepest nesting accepted. Default 64. */
  maxDepth?: number;
}

function fail(message: string, path: string, code: 'UNSUPPORTED_VALUE' | 'LIMIT_EXCEEDED' = 'UNSUPPORTED_VALUE'): never {
  throw new LambdaEventError(code, message, { path: path || '(root)' });
}

function numberText(v: number | bigint | DynamoDBNumber, path: string): string {
  if (v instanceof DynamoDBNumber) {
    if (!isDecimal(v.value)) fail(`DynamoDBNumber ${JSON.stringify(v.value)} is not a decimal`, path);
    return v.value;
  }
  if (typeof v === 'number' && !Number.isFinite(v)) fail(`${v} cannot be stored in DynamoDB`, path);
  return String(v);
}

function isBinary(v: unknown): v is Uint8Array | ArrayBuffer {
  return v instanceof Uint8Array || v instanceof ArrayBuffer;
}

/**
 * Converts a plain value to an attribute value, the inverse of `unmarshallValue`:
 * string → S, number/bigint/DynamoDBNumber → N, Uint8Array/ArrayBuffer → B (base64),
 * Set → SS/NS/BS (from its elements; an empty Set is an error), array → L,
 * object/Map → M, null → NULL, boolean → BOOL. Other values throw `UNSUPPORTED_VALUE`.
 *
 * @example
 * ```ts
 * marshallValue(new Set([1, 2])); // { NS: ['1', '2'] }
 * ```
 */
export function marshallValue(value: unknown, options: MarshallOptions = {}): AttributeValue {
  const av = convert(value, options, '', 0);
  if (av === undefined) return fail('undefined cannot be stored in DynamoDB', '');
  return av;
}

/**
 * Converts a plain object to an item (attribute name → attribute value).
 *
 * @example
 * ```ts
 * marshall({ id: 'a1', n: 42 }); // { id: { S: 'a1' }, n: { N: '42' } }
 * ```
 */
export function marshall(item: Record<string, unknown> | Map<string, unknown>, options: MarshallOptions = {}): AttributeMap {
  const av = convert(item, options, '', 0);
  if (av === undefined || !('M' in av)) return fail('an item must be an object or a Map', '');
  return av.M;
}

function convertEntries(entries: Iterable<[string, unknown]>, options: MarshallOptions, path: string, depth: number): AttributeMap {
  const out: AttributeMap = {};
  for (const [key, v] of entries) {
    const p = path ? `${path}.${key}` : key;
    const av = convert(v, options, p, depth + 1);
    if (av === undefined) {
      if (options.removeUndefinedValues) continue;
      fail('undefined cannot be stored in DynamoDB (set removeUndefinedValues)', p);
    }
    Object.defineProperty(out, key, { value: av, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function convert(v: unknown, options: MarshallOptions, path: string, depth: number): AttributeValue | undefined {
  if (depth > (options.maxDepth ?? 64)) fail('value nested too deeply', path, 'LIMIT_EXCEEDED');
  if (v === undefined) return undefined;
  if (v === null) return { NULL: true };
  switch (typeof v) {
    case 'string':
      return { S: v };
    case 'boolean':
      return { BOOL: v };
    case 'number':
    case 'bigint':
      return { N: numberText(v, path) };
    case 'object':
      break;
    default:
      return fail(`a ${typeof v} cannot be stored in DynamoDB`, path);
  }
  if (v instanceof DynamoDBNumber) return { N: numberText(v, path) };
  if (isBinary(v)) return { B: encodeBase64(v instanceof Uint8Array ? v : new Uint8Array(v)) };
  if (Array.isArray(v)) {
    return {
      L: v.map((item, i) => {
        const av = convert(item, options, `${path}[${i}]`, depth + 1);
        return av ?? fail('undefined cannot be stored in a list', `${path}[${i}]`);
      }),
    };
  }
  if (v instanceof Set) return convertSet(v, path);
  if (v instanceof Map) {
    for (const k of v.keys()) if (typeof k !== 'string') fail('Map keys must be strings', path);
    return { M: convertEntries(v as Map<string, unknown>, options, path, depth) };
  }
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) fail(`a ${(v as object).constructor?.name ?? 'class instance'} cannot be stored in DynamoDB`, path);
  return { M: convertEntries(Object.entries(v), options, path, depth) };
}

function convertSet(set: Set<unknown>, path: string): AttributeValue {
  const items = [...set];
  if (items.length === 0) fail('an empty Set has no DynamoDB type (DynamoDB rejects empty sets)', path);
  if (items.every((x) => typeof x === 'string')) return { SS: items as string[] };
  if (items.every((x) => typeof x === 'number' || typeof x === 'bigint' || x instanceof DynamoDBNumber)) {
    return { NS: items.map((x, i) => numberText(x as number | bigint | DynamoDBNumber, `${path}[${i}]`)) };
  }
  if (items.every(isBinary)) return { BS: items.map((x) => encodeBase64(x instanceof Uint8Array ? x : new Uint8Array(x))) };
  return fail('a Set must hold only strings, only numbers or only binary values', path);
}
