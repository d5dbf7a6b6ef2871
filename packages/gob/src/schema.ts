import { GobError } from './errors.js';
import { toRegistry, type Registry } from './registry.js';
import { preciseTime, time as timeSchema, type GoTime } from './time.js';

/** Every schema kind. */
export type SchemaKind =
  | 'bool' | 'int' | 'uint' | 'float' | 'complex' | 'string' | 'bytes'
  | 'slice' | 'array' | 'map' | 'ptr' | 'interface' | 'struct' | 'marshaler'
  | 'lazy' | 'func' | 'chan';

/**
 * A gob type description. `T` is the JS type of its values; get it with
 * {@link Infer}. Build schemas with the {@link t} helpers.
 */
export interface Schema<T = unknown> {
  readonly kind: SchemaKind;
  /** Go type name for named types (`type MyInt int`), used in type definitions. */
  readonly name?: string | undefined;
  /** Go package name of a named type (`main` when not given). */
  readonly pkg?: string | undefined;
  /** Phantom: the JS value type. Never set at run time. */
  readonly '~type'?: T;
}

/** Options of every schema that can be a named Go type. */
export interface NamedOptions {
  /** Go type name (`type MyInt int` -> `'MyInt'`). Only changes type names sent in definitions. */
  name?: string;
  /** Go package name of the named type; default `main`. */
  pkg?: string;
}

/** A complex number (`complex64`/`complex128`). */
export interface Complex {
  re: number;
  im: number;
}

/** A value held by a Go interface: the registered name of its concrete type and the value. */
export interface GobInterfaceValue<N extends string = string, V = unknown> {
  readonly type: N;
  readonly value: V;
}

/** Go's signed integer type names. */
export type IntName = 'int' | 'int8' | 'int16' | 'int32' | 'int64';
/** Go's unsigned integer type names. */
export type UintName = 'uint' | 'uint8' | 'uint16' | 'uint32' | 'uint64' | 'uintptr';

/** Schema of Go `bool` (`t.bool()`). */
export interface BoolSchema extends Schema<boolean> { readonly kind: 'bool' }
/** Schema of Go's signed integers (`t.int()`, `t.int8()`, ...). */
export interface IntSchema<T extends number | bigint = number | bigint> extends Schema<T> {
  readonly kind: 'int';
  readonly bits: 8 | 16 | 32 | 64;
  readonly goName: IntName;
  readonly bigint: boolean;
}
/** Schema of Go's unsigned integers (`t.uint()`, `t.uint8()`, ...). */
export interface UintSchema<T extends number | bigint = number | bigint> extends Schema<T> {
  readonly kind: 'uint';
  readonly bits: 8 | 16 | 32 | 64;
  readonly goName: UintName;
  readonly bigint: boolean;
}
/** Schema of `float32`/`float64`. */
export interface FloatSchema extends Schema<number> { readonly kind: 'float'; readonly bits: 32 | 64 }
/** Schema of `complex64`/`complex128`. */
export interface ComplexSchema extends Schema<Complex> { readonly kind: 'complex'; readonly bits: 64 | 128 }
/** Schema of Go `string` (`t.string()`). */
export interface StringSchema<T extends string | Uint8Array = string | Uint8Array> extends Schema<T> {
  readonly kind: 'string';
  /** Values are the raw bytes of the Go string (`Uint8Array`), not decoded UTF-8. */
  readonly raw: boolean;
}
/** Schema of `[]byte` (`t.bytes()`). */
export interface BytesSchema extends Schema<Uint8Array> { readonly kind: 'bytes' }
/** Schema of `[]E` (`t.slice(E)`). */
export interface SliceSchema<E = unknown> extends Schema<E[]> { readonly kind: 'slice'; readonly elem: Schema<E> }
/** Schema of `[N]E` (`t.array(N, E)`). */
export interface ArraySchema<E = unknown> extends Schema<E[]> {
  readonly kind: 'array';
  readonly len: number;
  readonly elem: Schema<E>;
}
/** Schema of `map[K]V` (`t.map(K, V)`). */
export interface MapSchema<K = unknown, V = unknown> extends Schema<Map<K, V> | null> {
  readonly kind: 'map';
  readonly key: Schema<K>;
  readonly elem: Schema<V>;
}
/** Schema of `*E` (`t.ptr(E)`). */
export interface PtrSchema<E = unknown> extends Schema<E | null> { readonly kind: 'ptr'; readonly elem: Schema<E> }
/** Schema of a Go interface (`t.interface(registry)`). */
export interface InterfaceSchema<T = GobInterfaceValue | null> extends Schema<T> {
  readonly kind: 'interface';
  readonly registry: Registry;
}
/** One field of a struct schema. */
export interface FieldSchema {
  readonly name: string;
  readonly schema: Schema;
  /** Exported (first rune upper case) and not a func/chan: gob sends it. */
  readonly sent: boolean;
}
/** Schema of a Go struct (`t.struct(name, fields)`). */
export interface StructSchema<T = Record<string, unknown>> extends Schema<T> {
  readonly kind: 'struct';
  /** Go type name; `''` for an anonymous struct. */
  readonly name: string;
  readonly pkg: string;
  readonly fields: readonly FieldSchema[];
}
/** Custom binary codec, the counterpart of Go's GobEncoder / BinaryMarshaler. */
export interface MarshalerSchema<T = unknown> extends Schema<T> {
  readonly kind: 'marshaler';
  readonly name: string;
  readonly pkg: string;
  readonly via: 'GobEncoder' | 'BinaryMarshaler';
  readonly ptrReceiver: boolean;
  readonly encode: (value: T) => Uint8Array;
  readonly decode: (bytes: Uint8Array) => T;
  readonly isZero: (value: T) => boolean;
  readonly zero: () => T | null;
}
/** A deferred schema for recursive types (`t.lazy(get)`). */
export interface LazySchema<T = unknown> extends Schema<T> { readonly kind: 'lazy'; readonly get: () => Schema<T> }
/** Go func and chan types: never sent; struct fields of these types are skipped like in Go. */
export interface UnsupportedSchema extends Schema<unknown> { readonly kind: 'func' | 'chan' }

/** Every concrete schema shape (used by the codec internals). */
export type AnySchema =
  | BoolSchema | IntSchema | UintSchema | FloatSchema | ComplexSchema | StringSchema | BytesSchema
  | SliceSchema | ArraySchema | MapSchema | PtrSchema | InterfaceSchema | StructSchema | MarshalerSchema
  | LazySchema | UnsupportedSchema;

/** Go's rule for exported identifiers: the first rune is an upper-case letter (Unicode Lu). */
export function isExported(name: string): boolean {
  const c = name.charCodeAt(0);
  // ASCII names (nearly all) skip the Unicode-property regex, costly to compile on first use.
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  return UPPER.test(name);
}

const UPPER = /^\p{Lu}/u;

/** Resolves `t.lazy` wrappers. */
export function resolve(s: Schema): AnySchema {
  let x = s as AnySchema;
  for (let i = 0; x.kind === 'lazy'; i++) {
    if (i > 100) throw new GobError('gob: t.lazy() resolves to itself', 'ERR_GOB_SCHEMA');
    x = x.get() as AnySchema;
  }
  return x;
}

function check(cond: boolean, msg: string): void {
  if (!cond) throw new GobError(`gob: ${msg}`, 'ERR_GOB_SCHEMA');
}

function named<T extends object>(base: T, opts: NamedOptions | undefined): T {
  if (!opts || opts.name === undefined) return base;
  check(typeof opts.name === 'string', 'name must be a string');
  return { ...base, name: opts.name, pkg: opts.pkg ?? 'main' };
}

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type FieldsValue<F extends Record<string, Schema>> = Simplify<{ -readonly [K in keyof F]: InferOf<F[K]> }>;
type InferOf<S> = S extends { readonly '~type'?: infer T } ? Exclude<T, undefined> : never;

/** Options of the 64-bit integer schemas. */
export interface Int64Options extends NamedOptions {
  /** Represent values as `bigint` (full 64-bit range) instead of `number` (checked to +/-(2^53-1)). */
  bigint?: boolean;
}

function intSchema(goName: IntName, bits: 8 | 16 | 32 | 64, opts: Int64Options | undefined): IntSchema {
  return named({ kind: 'int', goName, bits, bigint: bits === 64 && opts?.bigint === true } as IntSchema, opts);
}
function uintSchema(goName: UintName, bits: 8 | 16 | 32 | 64, opts: Int64Options | undefined): UintSchema {
  return named({ kind: 'uint', goName, bits, bigint: bits === 64 && opts?.bigint === true } as UintSchema, opts);
}

interface Int64Builder {
  (opts: Int64Options & { bigint: true }): IntSchema<bigint>;
  (opts?: Int64Options & { bigint?: false }): IntSchema<number>;
}
interface Uint64Builder {
  (opts: Int64Options & { bigint: true }): UintSchema<bigint>;
  (opts?: Int64Options & { bigint?: false }): UintSchema<number>;
}

/** Options of `t.struct`. */
export interface StructOptions {
  /** Go package name; default `main`. Used in type names like `[]main.Point`. */
  pkg?: string;
}

/** Options of `t.marshaler`. */
export interface MarshalerOptions<T> {
  /** Go type name (`'Version'`). */
  name: string;
  /** Go package name; default `main`. */
  pkg?: string;
  /** Which Go interface the type implements; GobEncoder wins when both do. Default `GobEncoder`. */
  via?: 'GobEncoder' | 'BinaryMarshaler';
  /** The Go method has a pointer receiver: struct fields are then never omitted, and a top-level value must be a `t.ptr`. */
  ptrReceiver?: boolean;
  /** `GobEncode` / `MarshalBinary`. */
  encode: (value: T) => Uint8Array;
  /** `GobDecode` / `UnmarshalBinary`; throw to reject the bytes. */
  decode: (bytes: Uint8Array) => T;
  /** Whether the Go value is its type's zero value (such struct fields are omitted). Default: `null`/`undefined` only. */
  isZero?: (value: T) => boolean;
  /** The value a decoded struct gets when the field is absent (Go's zero value). Default `null`. */
  zero?: () => T;
}

type RegistryValue<R extends Record<string, Schema>> = {
  [N in keyof R & string]: GobInterfaceValue<N, InferOf<R[N]>>;
}[keyof R & string];

/**
 * Schema builders, one per Go kind.
 *
 * @example
 * ```ts
 * const Point = t.struct('Point', { X: t.int(), Y: t.int() });
 * const Shapes = t.struct('Shapes', {
 *   Names: t.slice(t.string()),
 *   ByName: t.map(t.string(), t.ptr(Point)),
 *   Big: t.uint64({ bigint: true }),
 *   When: t.time(),
 * });
 * type Shapes = Infer<typeof Shapes>;
 * ```
 */
export const t = {
  /** Go `bool`. */
  bool: (opts?: NamedOptions): BoolSchema => named({ kind: 'bool' } as BoolSchema, opts),
  /** Go `int` (64-bit): `number` checked to +/-(2^53-1), or `bigint` with `{ bigint: true }`. */
  int: ((opts?: Int64Options) => intSchema('int', 64, opts)) as Int64Builder,
  /** Go `int8`. */
  int8: (opts?: NamedOptions): IntSchema<number> => intSchema('int8', 8, opts) as IntSchema<number>,
  /** Go `int16`. */
  int16: (opts?: NamedOptions): IntSchema<number> => intSchema('int16', 16, opts) as IntSchema<number>,
  /** Go `int32`. */
  int32: (opts?: NamedOptions): IntSchema<number> => intSchema('int32', 32, opts) as IntSchema<number>,
  /** Go `int64`: `number` checked to +/-(2^53-1), or `bigint` with `{ bigint: true }`. */
  int64: ((opts?: Int64Options) => intSchema('int64', 64, opts)) as Int64Builder,
  /** Go `uint` (64-bit): `number` checked to 2^53-1, or `bigint` with `{ bigint: true }`. */
  uint: ((opts?: Int64Options) => uintSchema('uint', 64, opts)) as Uint64Builder,
  /** Go `uint8` (as a single value; a slice of bytes is {@link t.bytes}). */
  uint8: (opts?: NamedOptions): UintSchema<number> => uintSchema('uint8', 8, opts) as UintSchema<number>,
  /** Go `uint16`. */
  uint16: (opts?: NamedOptions): UintSchema<number> => uintSchema('uint16', 16, opts) as UintSchema<number>,
  /** Go `uint32`. */
  uint32: (opts?: NamedOptions): UintSchema<number> => uintSchema('uint32', 32, opts) as UintSchema<number>,
  /** Go `uint64`: `number` checked to 2^53-1, or `bigint` with `{ bigint: true }`. */
  uint64: ((opts?: Int64Options) => uintSchema('uint64', 64, opts)) as Uint64Builder,
  /** Go `uintptr` (64-bit). */
  uintptr: ((opts?: Int64Options) => uintSchema('uintptr', 64, opts)) as Uint64Builder,
  /** Go `float32` (values are rounded with `Math.fround`; out-of-range values are rejected). */
  float32: (opts?: NamedOptions): FloatSchema => named({ kind: 'float', bits: 32 } as FloatSchema, opts),
  /** Go `float64`. NaN payload bits are kept. */
  float64: (opts?: NamedOptions): FloatSchema => named({ kind: 'float', bits: 64 } as FloatSchema, opts),
  /** Go `complex64` as `{ re, im }`. */
  complex64: (opts?: NamedOptions): ComplexSchema => named({ kind: 'complex', bits: 64 } as ComplexSchema, opts),
  /** Go `complex128` as `{ re, im }`. */
  complex128: (opts?: NamedOptions): ComplexSchema => named({ kind: 'complex', bits: 128 } as ComplexSchema, opts),
  /**
   * Go `string`. Decoded as UTF-8 (invalid sequences become U+FFFD); with
   * `{ raw: true }` values are the string's raw bytes as a `Uint8Array`.
   */
  string: ((opts?: NamedOptions & { raw?: boolean }) =>
    named({ kind: 'string', raw: opts?.raw === true } as StringSchema, opts)) as {
    (opts: NamedOptions & { raw: true }): StringSchema<Uint8Array>;
    (opts?: NamedOptions & { raw?: false }): StringSchema<string>;
  },
  /** Go `[]byte` (any slice whose element kind is uint8) as `Uint8Array`. */
  bytes: (opts?: NamedOptions): BytesSchema => named({ kind: 'bytes' } as BytesSchema, opts),
  /** Go `[]E`. A nil slice encodes like an empty one. */
  slice: <S extends Schema>(elem: S, opts?: NamedOptions): SliceSchema<InferOf<S>> => {
    checkSchema(elem);
    const e = elem.kind === 'lazy' ? undefined : resolve(elem);
    check(!(e && e.kind === 'uint' && e.bits === 8), 'a slice of uint8 is gob bytes: use t.bytes()');
    return named({ kind: 'slice', elem } as SliceSchema<InferOf<S>>, opts);
  },
  /** Go `[N]E` as a JS array of exactly `len` elements. */
  array: <S extends Schema>(len: number, elem: S, opts?: NamedOptions): ArraySchema<InferOf<S>> => {
    check(Number.isSafeInteger(len) && len >= 0, 'array length must be a non-negative integer');
    checkSchema(elem);
    return named({ kind: 'array', len, elem } as ArraySchema<InferOf<S>>, opts);
  },
  /** Go `map[K]V` as a JS `Map` (`null` is a nil map). Plain objects are accepted for string keys when encoding. */
  map: <K extends Schema, V extends Schema>(key: K, elem: V, opts?: NamedOptions): MapSchema<InferOf<K>, InferOf<V>> => {
    checkSchema(key);
    checkSchema(elem);
    return named({ kind: 'map', key, elem } as MapSchema<InferOf<K>, InferOf<V>>, opts);
  },
  /** Go `*E`: gob flattens pointers; `null` is a nil pointer. */
  ptr: <S extends Schema>(elem: S): PtrSchema<InferOf<S>> => {
    checkSchema(elem);
    return { kind: 'ptr', elem } as PtrSchema<InferOf<S>>;
  },
  /**
   * Go interface: values are `{ type, value }` where `type` is the name the
   * concrete type is registered under (like `gob.Register`), or `null` for a
   * nil interface. Pass a record of names to schemas (typed) or a
   * {@link Registry}; without one, the default registry is used.
   */
  interface: ((registry?: Registry | Record<string, Schema>, opts?: NamedOptions) =>
    makeInterface(registry, opts)) as {
    <R extends Record<string, Schema>>(registry: R, opts?: NamedOptions): InterfaceSchema<RegistryValue<R> | null>;
    (registry?: Registry, opts?: NamedOptions): InterfaceSchema<GobInterfaceValue | null>;
  },
  /**
   * Go named struct. Field order is declaration order; only exported fields
   * (upper-case first letter) are sent, like in Go. `name` `''` is an
   * anonymous struct.
   */
  struct: <const F extends Record<string, Schema>>(name: string, fields: F, opts?: StructOptions): StructSchema<FieldsValue<F>> => {
    check(typeof name === 'string', 'struct name must be a string');
    const list: FieldSchema[] = [];
    for (const key of Object.keys(fields)) {
      const schema = fields[key] as Schema;
      checkSchema(schema);
      const sent = isExported(key) && !isUnsupported(schema);
      list.push({ name: key, schema, sent });
    }
    return { kind: 'struct', name, pkg: opts?.pkg ?? 'main', fields: list } as StructSchema<FieldsValue<F>>;
  },
  /** A type with a custom binary codec (Go's GobEncoder / BinaryMarshaler). */
  marshaler: <T>(opts: MarshalerOptions<T>): MarshalerSchema<T> => {
    check(typeof opts.encode === 'function' && typeof opts.decode === 'function', 'marshaler needs encode and decode');
    check(typeof opts.name === 'string' && opts.name !== '', 'marshaler needs a name');
    return {
      kind: 'marshaler',
      name: opts.name,
      pkg: opts.pkg ?? 'main',
      via: opts.via ?? 'GobEncoder',
      ptrReceiver: opts.ptrReceiver === true,
      encode: opts.encode,
      decode: opts.decode,
      isZero: opts.isZero ?? ((v: T) => v === null || v === undefined),
      zero: opts.zero ?? (() => null),
    } as MarshalerSchema<T>;
  },
  /**
   * Deferred schema for recursive types. Annotate the type yourself:
   * `const Tree: Schema<Tree> = t.struct('Tree', { Val: t.int(), Left: t.ptr(t.lazy(() => Tree)) })`.
   */
  lazy: <T>(get: () => Schema<T>): LazySchema<T> => {
    check(typeof get === 'function', 't.lazy needs a function');
    return { kind: 'lazy', get } as LazySchema<T>;
  },
  /**
   * Go's `time.Time`: a JS `Date` (millisecond precision, the zone dropped),
   * or with `{ precise: true }` a `GoTime` (`{ seconds, nanos, offset }`)
   * that keeps everything Go sends.
   */
  time: ((opts?: { precise?: boolean }) => (opts?.precise ? preciseTime() : timeSchema())) as {
    (opts: { precise: true }): MarshalerSchema<GoTime>;
    (opts?: { precise?: false }): MarshalerSchema<Date>;
  },
  /** A Go func field: never sent (like in Go); encoding it at top level is an error. */
  func: (): UnsupportedSchema => ({ kind: 'func' }) as UnsupportedSchema,
  /** A Go chan field: never sent (like in Go); encoding it at top level is an error. */
  chan: (): UnsupportedSchema => ({ kind: 'chan' }) as UnsupportedSchema,
};

function makeInterface(registry: Registry | Record<string, Schema> | undefined, opts: NamedOptions | undefined): InterfaceSchema {
  return named({ kind: 'interface', registry: toRegistry(registry) } as InterfaceSchema, opts);
}

function isUnsupported(s: Schema): boolean {
  let x = s as AnySchema;
  while (x.kind === 'ptr') x = x.elem as AnySchema;
  return x.kind === 'func' || x.kind === 'chan';
}

const kinds = new Set<string>([
  'bool', 'int', 'uint', 'float', 'complex', 'string', 'bytes', 'slice', 'array', 'map', 'ptr',
  'interface', 'struct', 'marshaler', 'lazy', 'func', 'chan',
]);
function checkSchema(s: unknown): void {
  check(typeof s === 'object' && s !== null && kinds.has((s as Schema).kind), 'expected a schema (use the t.* builders)');
}
