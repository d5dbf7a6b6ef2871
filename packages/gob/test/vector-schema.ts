// Maps the vectors' JSON schemas and Go type declarations onto t.* schemas,
// and the vectors' JSON value convention onto JS values.
import { Registry, basicRegistry, t, type Schema } from '@tslambda/gob';
import { parseGo, parseGoType, type GoDecl, type GoExpr } from './gosource.js';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** A marshaled value: the bytes GobEncode returned; `zero` (not enumerable) tells whether the Go value was zero. */
export interface Marshaled {
  bytes: Uint8Array;
  readonly zero?: boolean;
}

function marshaled(bytes: Uint8Array, zero: boolean): Marshaled {
  const m = { bytes } as Marshaled;
  Object.defineProperty(m, 'zero', { value: zero, enumerable: false });
  return m;
}

/** Whether a `display` string (fmt.Sprint) shows a zero value. */
export function zeroDisplay(d: string | undefined): boolean {
  if (d === undefined) return false;
  if (d === '0001-01-01 00:00:00 +0000 UTC') return true;
  return /^[{}\s0]*$/.test(d) && d.length > 0;
}

const rawMarshalers = new Map<string, Schema>();
function rawMarshaler(name: string, pkg: string, via: 'GobEncoder' | 'BinaryMarshaler', ptrReceiver: boolean): Schema {
  const key = `${pkg}.${name}/${via}/${ptrReceiver}`;
  let s = rawMarshalers.get(key);
  if (!s) {
    s = t.marshaler<Marshaled>({
      name, pkg, via, ptrReceiver,
      encode: (v) => v.bytes,
      decode: (b) => marshaled(b, false),
      isZero: (v) => v.zero === true,
    });
    rawMarshalers.set(key, s);
  }
  return s;
}

/** Type information of one vector: its Go declarations and the registered interface names. */
export class Env {
  readonly decls: Map<string, GoDecl>;
  private readonly named = new Map<string, Schema>();
  private readonly registries = new Map<string, Registry>();
  constructor(goType: string | undefined, readonly registeredNames: Set<string>, readonly opts: { bigint: boolean; raw: boolean; time?: boolean }) {
    this.decls = parseGo(goType ?? '');
  }

  /** The Go expression of a vector's encode/decode type, if it parses. */
  hintOf(typeExpr: string | undefined): GoExpr | undefined {
    if (!typeExpr || typeExpr === '<nil>' || typeExpr === 'None') return undefined;
    try {
      return parseGoType(typeExpr);
    } catch {
      return undefined;
    }
  }

  private decl(pkg: string | undefined, name: string): GoDecl | undefined {
    if (pkg) return this.decls.get(`${pkg}.${name}`);
    return this.decls.get(`main.${name}`) ?? [...this.decls.values()].find((d) => d.name === name);
  }

  /** Marshaler info of a named type, from its methods. */
  ptrReceiver(pkg: string | undefined, name: string, via: string): boolean {
    const d = this.decl(pkg, name);
    const m = via === 'GobEncoder' ? 'GobEncode' : 'MarshalBinary';
    return d?.methods.get(m) === true;
  }

  int(bits: number, unsigned: boolean, name?: string, pkg?: string, uintptr = false): Schema {
    const o = { ...(name ? { name, pkg: pkg ?? 'main' } : {}), bigint: this.opts.bigint } as { name?: string; pkg?: string; bigint: boolean };
    const small = name ? { name, pkg: pkg ?? 'main' } : undefined;
    if (unsigned) {
      if (uintptr) return o.bigint ? t.uintptr({ ...o, bigint: true }) : t.uintptr(small);
      switch (bits) {
        case 8: return t.uint8(small);
        case 16: return t.uint16(small);
        case 32: return t.uint32(small);
        default: return o.bigint ? t.uint({ ...o, bigint: true }) : t.uint(small);
      }
    }
    switch (bits) {
      case 8: return t.int8(small);
      case 16: return t.int16(small);
      case 32: return t.int32(small);
      default: return o.bigint ? t.int({ ...o, bigint: true }) : t.int(small);
    }
  }

  /** The structure behind a Go type expression (named types resolved to their declarations). */
  private structural(h: GoExpr | undefined): GoExpr | undefined {
    for (let i = 0; h && h.k === 'name' && i < 10; i++) {
      if (!h.pkg && /^(u?int(8|16|32|64)?|uintptr|bool|string|float(32|64)|complex(64|128)|byte|rune|any)$/.test(h.name)) return h;
      const d = this.decl(h.pkg, h.name);
      if (!d) return undefined;
      h = d.expr;
    }
    return h;
  }

  /**
   * JSON schema → t.* schema. `hint` is the Go type expression of the same
   * type when known (from `encodeType` or the Go declarations); it tells
   * `int` from `int64`, which the JSON schema does not.
   */
  fromJson(js: any, enclosing = new Map<string, () => Schema>(), hint?: GoExpr): Schema {
    const named = js.name !== undefined ? { name: js.name as string, pkg: (js.pkg as string | undefined) ?? 'main' } : undefined;
    let h = this.structural(hint);
    if (h?.k === 'ptr' && js.kind !== 'ptr') h = this.structural(h.elem);
    const goInt = h?.k === 'name' ? h.name : undefined;
    switch (js.kind) {
      case 'bool': return t.bool(named);
      case 'int':
        if (js.bits === 64 && !js.name && goInt === 'int64') return this.opts.bigint ? t.int64({ bigint: true }) : t.int64();
        return this.int(js.bits, false, js.name, js.pkg);
      case 'uint':
        if (js.bits === 64 && !js.name && goInt === 'uint64') return this.opts.bigint ? t.uint64({ bigint: true }) : t.uint64();
        return this.int(js.bits, true, js.name, js.pkg, js.uintptr === true);
      case 'float': return js.bits === 32 ? t.float32(named) : t.float64(named);
      case 'complex': return js.bits === 64 ? t.complex64(named) : t.complex128(named);
      case 'string': return this.opts.raw ? t.string({ ...named, raw: true }) : t.string(named);
      case 'bytes': return t.bytes(named);
      case 'slice': return t.slice(this.fromJson(js.elem, enclosing, h?.k === 'slice' ? h.elem : undefined), named);
      case 'array': return t.array(js.len, this.fromJson(js.elem, enclosing, h?.k === 'array' ? h.elem : undefined), named);
      case 'map':
        return t.map(
          this.fromJson(js.key, enclosing, h?.k === 'map' ? h.key : undefined),
          this.fromJson(js.elem, enclosing, h?.k === 'map' ? h.elem : undefined),
          named,
        );
      case 'ptr': return t.ptr(this.fromJson(js.elem, enclosing, h?.k === 'ptr' ? h.elem : undefined));
      case 'interface': return t.interface(this.registryFor(js.name, js.pkg), named);
      case 'marshaler':
        return rawMarshaler(js.name, js.pkg ?? 'main', js.via, this.ptrReceiver(js.pkg, js.name, js.via));
      case 'ref': {
        const get = enclosing.get(js.name);
        if (!get) throw new Error(`unknown ref ${js.name}`);
        return t.lazy(get);
      }
      case 'struct': {
        let self: Schema | undefined;
        const inner = new Map(enclosing);
        if (js.name) inner.set(js.name, () => self!);
        const fields: Record<string, Schema> = {};
        const decl = js.name ? this.decl(js.pkg, js.name) : undefined;
        const sh = decl?.expr.k === 'struct' ? decl.expr : h?.k === 'struct' ? h : undefined;
        for (const f of js.fields as any[]) {
          const fh = sh?.fields.find((x) => x.name === f.name)?.type;
          fields[f.name] = this.fromJson(f.type, inner, fh);
        }
        for (const n of (js.notSent ?? []) as string[]) fields[n] = /^\p{Lu}/u.test(n) ? t.chan() : t.int();
        self = t.struct(js.name ?? '', fields, { pkg: js.pkg ?? 'main' });
        return self;
      }
      default:
        throw new Error(`unknown schema kind ${js.kind}`);
    }
  }

  /** Go type expression (like a vector's decodeType) → schema. */
  fromGoType(src: string): Schema {
    return this.fromGo(parseGoType(src), 'main');
  }

  fromGo(e: GoExpr, pkg: string): Schema {
    switch (e.k) {
      case 'ptr': return t.ptr(this.fromGo(e.elem, pkg));
      case 'slice': {
        const elem = this.fromGo(e.elem, pkg);
        const r = elem as { kind: string; bits?: number };
        if (r.kind === 'uint' && r.bits === 8) return t.bytes();
        return t.slice(elem);
      }
      case 'array': return t.array(e.len, this.fromGo(e.elem, pkg));
      case 'map': return t.map(this.fromGo(e.key, pkg), this.fromGo(e.elem, pkg));
      case 'func': return t.func();
      case 'chan': return t.chan();
      case 'interface': return t.interface(this.registryFor(undefined, undefined, e.methods));
      case 'struct': {
        const fields: Record<string, Schema> = {};
        for (const f of e.fields) fields[f.name] = this.fromGo(f.type, pkg);
        return t.struct('', fields, { pkg });
      }
      case 'name': return this.namedType(e.pkg, e.name, pkg);
    }
  }

  private namedType(qual: string | undefined, name: string, ctxPkg: string): Schema {
    if (!qual) {
      switch (name) {
        case 'bool': return t.bool();
        case 'int': case 'int64': case 'int32': case 'int16': case 'int8':
          return this.int(name === 'int' ? 64 : Number(name.slice(3)), false);
        case 'uint': case 'uint64': case 'uint32': case 'uint16': case 'uint8': case 'byte':
          return this.int(name === 'uint' ? 64 : name === 'byte' ? 8 : Number(name.slice(4)), true);
        case 'uintptr': return this.int(64, true, undefined, undefined, true);
        case 'rune': return t.int32();
        case 'float32': return t.float32();
        case 'float64': return t.float64();
        case 'complex64': return t.complex64();
        case 'complex128': return t.complex128();
        case 'string': return this.opts.raw ? t.string({ raw: true }) : t.string();
        case 'any': return t.interface(this.registryFor(undefined, undefined, []));
        case 'error': return t.interface(this.registryFor(undefined, undefined, ['Error']));
      }
    }
    if (qual === 'time' && name === 'Time') return this.opts.time ? t.time() : rawMarshaler('Time', 'time', 'GobEncoder', false);
    const d = qual ? this.decls.get(`${qual}.${name}`) : (this.decls.get(`${ctxPkg}.${name}`) ?? this.decl(undefined, name));
    if (!d) throw new Error(`unknown Go type ${qual ? `${qual}.` : ''}${name}`);
    const key = `${d.pkg}.${d.name}`;
    const had = this.named.get(key);
    if (had) return had;
    if (d.methods.has('GobEncode')) return this.remember(key, rawMarshaler(d.name, d.pkg, 'GobEncoder', d.methods.get('GobEncode')!));
    if (d.methods.has('MarshalBinary')) {
      return this.remember(key, rawMarshaler(d.name, d.pkg, 'BinaryMarshaler', d.methods.get('MarshalBinary')!));
    }
    const opts = { name: d.name, pkg: d.pkg };
    const e = d.expr;
    switch (e.k) {
      case 'struct': {
        let self: Schema | undefined;
        this.named.set(key, t.lazy(() => self!));
        const fields: Record<string, Schema> = {};
        for (const f of e.fields) fields[f.name] = this.fromGo(f.type, d.pkg);
        self = t.struct(d.name, fields, { pkg: d.pkg });
        return this.remember(key, self);
      }
      case 'interface': return this.remember(key, t.interface(this.registryFor(d.name, d.pkg), opts));
      case 'slice': {
        const elem = this.fromGo(e.elem, d.pkg);
        const r = elem as { kind: string; bits?: number };
        return this.remember(key, r.kind === 'uint' && r.bits === 8 ? t.bytes(opts) : t.slice(elem, opts));
      }
      case 'array': return this.remember(key, t.array(e.len, this.fromGo(e.elem, d.pkg), opts));
      case 'map': return this.remember(key, t.map(this.fromGo(e.key, d.pkg), this.fromGo(e.elem, d.pkg), opts));
      case 'name': {
        const base = this.fromGo(e, d.pkg) as any;
        return this.remember(key, { ...base, name: d.name, pkg: d.pkg });
      }
      default: return this.remember(key, this.fromGo(e, d.pkg));
    }
  }

  private remember(key: string, s: Schema): Schema {
    this.named.set(key, s);
    return s;
  }

  /** The concrete Go type registered under `name`, as a Go expression. */
  private concreteOf(name: string): GoExpr | undefined {
    const rn = this.registerNames.get(name);
    if (rn) return rn;
    const m = /^(\*?)(\w+)\.(\w+)$/.exec(name);
    if (m) {
      const d = this.decls.get(`${m[2]}.${m[3]}`);
      if (!d) return undefined;
      const n: GoExpr = { k: 'name', pkg: m[2], name: m[3]! };
      return m[1] ? { k: 'ptr', elem: n } : n;
    }
    try {
      return parseGoType(name.replace(/^main\./, ''));
    } catch {
      return undefined;
    }
  }

  private get registerNames(): Map<string, GoExpr> {
    const m = new Map<string, GoExpr>();
    for (const d of this.decls.values()) void d;
    return this.rn ?? (this.rn = m);
  }
  private rn: Map<string, GoExpr> | undefined;

  /** Registers names given to gob.RegisterName in comments of the Go source. */
  addRegisterNames(goType: string | undefined): void {
    for (const mm of (goType ?? '').matchAll(/RegisterName\("([^"]+)", (&?)(\w+)\{\}\)/g)) {
      const n: GoExpr = { k: 'name', pkg: undefined, name: mm[3]! };
      this.registerNames.set(mm[1]!, mm[2] ? { k: 'ptr', elem: n } : n);
    }
  }

  private implementsAll(e: GoExpr, methods: string[]): boolean {
    if (methods.length === 0) return true;
    let ptr = false;
    let x = e;
    if (x.k === 'ptr') {
      ptr = true;
      x = x.elem;
    }
    if (x.k !== 'name') return false;
    const d = this.decl(x.pkg, x.name);
    if (!d) return false;
    return methods.every((m) => d.methods.has(m) && (ptr || d.methods.get(m) === false));
  }

  /** A registry holding the registered names whose types implement the interface. */
  registryFor(name: string | undefined, pkg: string | undefined, methods?: string[]): Registry {
    let ms = methods;
    if (!ms) {
      const d = name ? this.decl(pkg, name) : undefined;
      ms = d && d.expr.k === 'interface' ? d.expr.methods : [];
    }
    const key = ms.join(',');
    const had = this.registries.get(key);
    if (had) return had;
    const reg = new Registry(ms.length === 0 ? basicRegistry() : undefined);
    this.registries.set(key, reg);
    for (const n of this.registeredNames) {
      if (basicRegistry().get(n)) continue;
      const e = this.concreteOf(n);
      if (!e || !this.implementsAll(e, ms)) continue;
      try {
        reg.register(n, this.fromGo(e, 'main'));
      } catch {
        // not resolvable in this vector's declarations
      }
    }
    return reg;
  }
}

// ---- values ----

const dv = new DataView(new ArrayBuffer(8));

export function b64(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, 'base64'));
}

function floatOf(v: Json): number {
  if (typeof v === 'number') return v;
  const o = v as { $float: string; bits?: string };
  switch (o.$float) {
    case 'NaN':
      if (o.bits) {
        dv.setBigUint64(0, BigInt(`0x${o.bits}`));
        return dv.getFloat64(0);
      }
      return NaN;
    case '+Inf': return Infinity;
    case '-Inf': return -Infinity;
    case '-0': return -0;
  }
  throw new Error(`bad float ${JSON.stringify(v)}`);
}

function intOf(v: Json, bigint: boolean): number | bigint {
  const big = typeof v === 'object' && v !== null && '$int' in v ? BigInt((v as { $int: string }).$int) : BigInt(v as number);
  if (bigint) return big;
  return Number(big);
}

/**
 * Converts a JSON-convention value to the JS value of `schema`. With
 * `decoded`, gives what decoding yields: struct fields holding zero-valued
 * marshalers were not sent, so they decode as `null` (the raw test
 * marshaler cannot know the Go zero value's bytes).
 */
export function fromJsonValue(v: Json, schema: Schema, decoded = false): unknown {
  const s = resolveSchema(schema);
  if (v === null) {
    if (s.kind === 'slice') return [];
    return null;
  }
  switch (s.kind) {
    case 'bool': return v;
    case 'int': case 'uint': return intOf(v, s.bigint);
    case 'float': return floatOf(v);
    case 'complex': {
      const [re, im] = (v as { $complex: Json[] }).$complex;
      return { re: floatOf(re!), im: floatOf(im!) };
    }
    case 'string':
      if (s.raw) return typeof v === 'string' ? new Uint8Array(Buffer.from(v, 'utf8')) : b64((v as { $strbytes: string }).$strbytes);
      return typeof v === 'string' ? v : new TextDecoder().decode(b64((v as { $strbytes: string }).$strbytes));
    case 'bytes': return b64((v as { $bytes: string }).$bytes);
    case 'slice': case 'array': return (v as Json[]).map((e) => fromJsonValue(e, s.elem, decoded));
    case 'map':
      return new Map((v as { $map: [Json, Json][] }).$map.map(([k, e]) => [fromJsonValue(k, s.key, decoded), fromJsonValue(e, s.elem, decoded)]));
    case 'ptr': return fromJsonValue(v, s.elem, decoded);
    case 'interface': {
      const o = v as { $type: string; value: Json };
      const cs = s.registry.get(o.$type);
      if (!cs) throw new Error(`test: no schema registered for ${o.$type}`);
      return { type: o.$type, value: fromJsonValue(o.value, cs, decoded) };
    }
    case 'struct': {
      const out: Record<string, unknown> = {};
      const o = v as Record<string, Json>;
      for (const f of s.fields) {
        const fv = o[f.name] ?? null;
        const fs = resolveSchema(f.schema);
        if (decoded && fs.kind === 'marshaler' && !fs.ptrReceiver && fv !== null && zeroDisplay((fv as { display?: string }).display)) {
          out[f.name] = null;
          continue;
        }
        out[f.name] = f.sent ? fromJsonValue(fv, f.schema, decoded) : zeroFor(f.schema);
      }
      return out;
    }
    case 'marshaler': {
      const o = v as { $marshaled: string; display?: string };
      return marshaled(b64(o.$marshaled), zeroDisplay(o.display));
    }
    default: return null;
  }
}

function zeroFor(schema: Schema): unknown {
  const s = resolveSchema(schema);
  switch (s.kind) {
    case 'int': case 'uint': return s.bigint ? 0n : 0;
    case 'bool': return false;
    case 'string': return s.raw ? new Uint8Array(0) : '';
    default: return null;
  }
}

/** Converts a JSON-convention value to what schemaless decoding returns. */
export function fromJsonAny(v: Json, raw = false): unknown {
  if (v === null) return null;
  if (Array.isArray(v)) return v.map((e) => fromJsonAny(e, raw));
  if (typeof v !== 'object') {
    if (typeof v === 'string' && raw) return new Uint8Array(Buffer.from(v, 'utf8'));
    return v;
  }
  if ('$int' in v) {
    const b = BigInt(v.$int as string);
    return b >= -(2n ** 53n - 1n) && b <= 2n ** 53n - 1n ? Number(b) : b;
  }
  if ('$float' in v) return floatOf(v);
  if ('$complex' in v) {
    const [re, im] = v.$complex as Json[];
    return { re: floatOf(re!), im: floatOf(im!) };
  }
  if ('$bytes' in v) return b64(v.$bytes as string);
  if ('$strbytes' in v) return raw ? b64(v.$strbytes as string) : new TextDecoder().decode(b64(v.$strbytes as string));
  if ('$marshaled' in v) return b64(v.$marshaled as string);
  if ('$map' in v) return new Map((v.$map as [Json, Json][]).map(([k, e]) => [fromJsonAny(k, raw), fromJsonAny(e, raw)]));
  if ('$type' in v) return { type: v.$type, value: fromJsonAny(v.value as Json, raw) };
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[k] = fromJsonAny(v[k] as Json, raw);
  return out;
}

type Resolved = import('../src/schema.js').AnySchema;
function resolveSchema(s: Schema): Resolved {
  let x = s as Resolved;
  while (x.kind === 'lazy') x = x.get() as Resolved;
  return x;
}

/** `decoded` with the marshaled bytes of `value` (Go re-marshals decoded values, e.g. times with odd zones). */
export function withSentMarshaled(decoded: Json, value: Json): Json {
  if (decoded === null || value === null || typeof decoded !== 'object' || typeof value !== 'object') return decoded;
  if (Array.isArray(decoded)) return Array.isArray(value) ? decoded.map((d, i) => withSentMarshaled(d, value[i] ?? null)) : decoded;
  if (Array.isArray(value)) return decoded;
  if ('$marshaled' in decoded && '$marshaled' in value) return value;
  const out: Record<string, Json> = {};
  for (const k of Object.keys(decoded)) out[k] = withSentMarshaled(decoded[k] ?? null, value[k] ?? null);
  return out;
}

/** Whether a JSON value contains a marker object with `key`. */
export function hasMarker(v: Json, key: string): boolean {
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) return v.some((e) => hasMarker(e, key));
  if (key in v) return true;
  return Object.values(v).some((e) => hasMarker(e, key));
}

/** Whether any integer in the value is beyond ±(2^53−1). */
export function needsBigint(v: Json): boolean {
  return hasMarker(v, '$int');
}
