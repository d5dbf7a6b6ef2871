import { GobError } from './errors.js';
import { t, type Schema } from './schema.js';

/**
 * Names of concrete types that interface values may hold, like Go's
 * `gob.Register` / `gob.RegisterName`. The name travels on the wire, so it
 * must match the Go side: `main.Circle` for `gob.Register(Circle{})`,
 * `*main.Rect` for `gob.Register(&Rect{})`, or the name given to `RegisterName`.
 *
 * @example
 * ```ts
 * const shapes = new Registry().register('main.Circle', Circle).register('sq', Square);
 * const Holder = t.struct('Holder', { S: t.interface(shapes) });
 * ```
 */
export class Registry {
  private readonly byName = new Map<string, Schema>();
  /** A registry; with `parent`, names not found here are looked up there. */
  constructor(private readonly parent?: Registry) {}

  /** Registers `schema` under `name`. Registering a different schema under a taken name throws. */
  register(name: string, schema: Schema): this {
    if (typeof name !== 'string' || name === '') throw new GobError('gob: registered name must be a non-empty string', 'ERR_GOB_SCHEMA');
    const had = this.byName.get(name);
    if (had && had !== schema) throw new GobError(`gob: registering duplicate names for ${JSON.stringify(name)}`, 'ERR_GOB_SCHEMA');
    this.byName.set(name, schema);
    return this;
  }

  /** The schema registered under `name`, if any. */
  get(name: string): Schema | undefined {
    return this.byName.get(name) ?? this.parent?.get(name);
  }

  /** Every registered name (own names first, then the parent's). */
  names(): string[] {
    const own = [...this.byName.keys()];
    return this.parent ? [...own, ...this.parent.names().filter((n) => !this.byName.has(n))] : own;
  }
}

let basics: Registry | undefined;

/**
 * The registry of Go's predeclared registrations (`int`, `int8`, ...,
 * `string`, `[]uint8`, `[]int`, ..., `[]string`), shared process-wide like
 * Go's. `t.interface()` without a registry uses it; you may register your
 * own names on it, or keep them apart in `new Registry(basicRegistry())`.
 */
export function basicRegistry(): Registry {
  if (basics) return basics;
  const r = new Registry();
  const scalar: [string, Schema][] = [
    ['int', t.int()], ['int8', t.int8()], ['int16', t.int16()], ['int32', t.int32()], ['int64', t.int64()],
    ['uint', t.uint()], ['uint8', t.uint8()], ['uint16', t.uint16()], ['uint32', t.uint32()], ['uint64', t.uint64()],
    ['float32', t.float32()], ['float64', t.float64()], ['complex64', t.complex64()], ['complex128', t.complex128()],
    ['uintptr', t.uintptr()], ['bool', t.bool()], ['string', t.string()],
  ];
  for (const [n, s] of scalar) r.register(n, s);
  r.register('[]uint8', t.bytes());
  for (const [n, s] of scalar) if (n !== 'uint8') r.register(`[]${n}`, t.slice(s));
  basics = r;
  return r;
}

/** @internal */
export function toRegistry(r: Registry | Record<string, Schema> | undefined): Registry {
  if (r === undefined) return basicRegistry();
  if (r instanceof Registry) return r;
  const reg = new Registry();
  for (const name of Object.keys(r)) reg.register(name, r[name] as Schema);
  return reg;
}
