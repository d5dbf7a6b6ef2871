import type { Infer, Schema } from '@tslambda/gob';

/** A value of JSON, as `JSON.parse` returns it and as Go's `encoding/json` reads and writes it. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

const JSON_TYPE: unique symbol = Symbol.for('@tslambda/netrpc/json-type');

/**
 * The type of a body carried by the JSON-RPC codec: a JSON value, checked by an optional guard.
 * Create one with {@link json}.
 */
export interface JsonType<T extends JsonValue = JsonValue> {
  readonly [JSON_TYPE]: true;
  /** Shown in errors. */
  readonly name: string;
  /** Returns `value` as `T`, or throws when it does not match. */
  check(value: JsonValue): T;
}

/**
 * Describes the argument or reply of a method: a gob {@link Schema} for the gob codec, a
 * {@link JsonType} for the JSON-RPC codec.
 */
export type BodyType = Schema | JsonType;

/** The TypeScript type of the values a {@link BodyType} describes. */
export type InferBody<B> = B extends JsonType<infer T> ? T : B extends Schema ? Infer<B> : never;

/**
 * A body type for the JSON-RPC codec. Without a guard it accepts any JSON value; with one, a
 * decoded value that fails the guard is a body error (the call fails as in Go when
 * `json.Unmarshal` fails).
 *
 * @example
 * ```ts
 * const Args = json((v): v is { A: number; B: number } =>
 *   typeof v === 'object' && v !== null && !Array.isArray(v) && typeof v.A === 'number' && typeof v.B === 'number');
 * const product = await client.call('Arith.Multiply', { A: 7, B: 8 }, Args, json());
 * ```
 */
export function json<T extends JsonValue = JsonValue>(
  guard?: (value: JsonValue) => value is T,
  name = 'value',
): JsonType<T> {
  return {
    [JSON_TYPE]: true,
    name,
    check(value: JsonValue): T {
      if (guard && !guard(value)) throw new TypeError(`jsonrpc: ${name} does not have the expected shape`);
      return value as T;
    },
  };
}

/** True when `type` is a {@link JsonType}. */
export function isJsonType(type: unknown): type is JsonType {
  return typeof type === 'object' && type !== null && (type as { [JSON_TYPE]?: unknown })[JSON_TYPE] === true;
}
