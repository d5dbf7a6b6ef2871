import { GobEncodeError } from './errors.js';
import { goName, goString } from './gotype.js';
import { resolve, type AnySchema, type Schema } from './schema.js';

/** A gob type as the encoder numbers it (Go's `gobType`). */
export interface GobType {
  id: number;
  name: string;
  kind: 'builtin' | 'array' | 'slice' | 'map' | 'struct' | 'gob';
  elem?: GobType;
  key?: GobType;
  len?: number;
  fields?: { name: string; type: GobType }[];
}

/** What a type sends as its definition (Go's `typeInfo`). */
export interface TypeInfo {
  id: number;
  wire?: { variant: 'array' | 'slice' | 'map' | 'struct' | 'gobEncoder' | 'binaryMarshaler'; type: GobType };
}

/** Go's `userTypeInfo`: a schema with its pointers stripped. */
export interface UserType {
  user: Schema;
  base: AnySchema;
  userKey: string;
  baseKey: string;
  /** 0: none, 1: GobEncoder, 2: BinaryMarshaler. */
  ext: 0 | 1 | 2;
  indir: number;
}

const builtinTypes: Record<string, GobType> = {};
for (const [k, id] of [['bool', 1], ['int', 2], ['uint', 3], ['float', 4], ['bytes', 5], ['string', 6], ['complex', 7], ['interface', 8]] as const) {
  builtinTypes[k] = { id, name: k, kind: 'builtin' };
}

const userTypes = new WeakMap<Schema, UserType>();

/** A named type's shape one level deep (what its definition depends on). */
function shapeOf(r: AnySchema): string {
  switch (r.kind) {
    case 'struct': return `struct{${r.fields.filter((f) => f.sent).map((f) => `${f.name} ${goString(f.schema)}`).join(';')}}`;
    case 'marshaler': return `${r.via}${r.ptrReceiver ? '*' : ''}`;
    case 'slice': return `[]${goString(r.elem)}`;
    case 'array': return `[${r.len}]${goString(r.elem)}`;
    case 'map': return `map[${goString(r.key)}]${goString(r.elem)}`;
    case 'int': case 'uint': return r.goName;
    case 'float': return `float${r.bits}`;
    case 'complex': return `complex${r.bits}`;
    default: return r.kind;
  }
}

/** @internal */
export function userType(schema: Schema): UserType {
  let ut = userTypes.get(schema);
  if (ut) return ut;
  let base = resolve(schema);
  let indir = 0;
  while (base.kind === 'ptr') {
    base = resolve(base.elem);
    indir++;
  }
  const ext = base.kind === 'marshaler' ? (base.via === 'GobEncoder' ? 1 : 2) : 0;
  ut = { user: schema, base, userKey: goString(schema), baseKey: goString(base), ext, indir };
  userTypes.set(schema, ut);
  return ut;
}

/**
 * The numbering of gob types. Go numbers types process-wide (the first user
 * type is 65); each {@link Encoder} gets a fresh space by default, like a
 * fresh Go process. Share one space between encoders to reproduce two
 * encoders in one Go process (e.g. an in-process net/rpc client and server).
 *
 * @example
 * ```ts
 * const ids = new IdSpace();
 * const client = new Encoder({ ids });
 * const server = new Encoder({ ids });
 * ```
 */
export class IdSpace {
  private nextId = 64;
  private readonly types = new Map<string, GobType>();
  private readonly infos = new Map<string, TypeInfo>();
  private readonly shapes = new Map<string, string>();
  private readonly verified = new WeakSet<Schema>();

  /**
   * @internal Checks that every named type reachable from `schema` has one
   * shape in this space: two different schemas with the same Go name would
   * send one definition and encode values of the other.
   */
  verify(schema: Schema): void {
    if (this.verified.has(schema)) return;
    const seen = new Set<AnySchema>();
    const walk = (x: Schema): void => {
      const r = resolve(x);
      if (seen.has(r)) return;
      seen.add(r);
      if (r.name) {
        const key = goString(r);
        const shape = shapeOf(r);
        const had = this.shapes.get(key);
        if (had === undefined) this.shapes.set(key, shape);
        else if (had !== shape) {
          throw new GobEncodeError(`gob: two different schemas for the Go type ${key} in one id space`, 'ERR_GOB_SCHEMA');
        }
      }
      switch (r.kind) {
        case 'struct': for (const f of r.fields) if (f.sent) walk(f.schema); break;
        case 'slice': case 'array': case 'ptr': walk(r.elem); break;
        case 'map': walk(r.key); walk(r.elem); break;
      }
    };
    walk(schema);
    this.verified.add(schema);
  }

  /** The id the next new type will get. */
  get next(): number {
    return this.nextId + 1;
  }

  private setId(t: GobType): void {
    if (t.id !== 0) return;
    t.id = ++this.nextId;
  }

  private getType(name: string, ut: UserType, rt: Schema): GobType {
    const key = goString(rt);
    const had = this.types.get(key);
    if (had) return had;
    const typ = this.newTypeObject(name, ut, resolve(rt), key);
    this.types.set(key, typ);
    return typ;
  }

  private getBaseType(name: string, s: Schema): GobType {
    const ut = userType(s);
    return this.getType(name, ut, ut.base);
  }

  private newTypeObject(name: string, ut: UserType, rt: AnySchema, key: string): GobType {
    if (ut.ext !== 0) {
      const g: GobType = { id: 0, name, kind: 'gob' };
      this.setId(g);
      return g;
    }
    switch (rt.kind) {
      case 'bool': case 'int': case 'uint': case 'float': case 'complex': case 'string': case 'interface': case 'bytes':
        return builtinTypes[rt.kind]!;
      case 'array': {
        const at: GobType = { id: 0, name, kind: 'array', len: rt.len };
        this.types.set(key, at);
        at.elem = this.getBaseType('', rt.elem);
        this.setId(at);
        return at;
      }
      case 'map': {
        const mt: GobType = { id: 0, name, kind: 'map' };
        this.types.set(key, mt);
        mt.key = this.getBaseType('', rt.key);
        mt.elem = this.getBaseType('', rt.elem);
        this.setId(mt);
        return mt;
      }
      case 'slice': {
        const st: GobType = { id: 0, name, kind: 'slice' };
        this.types.set(key, st);
        const elem = this.getBaseType(goName(rt.elem), rt.elem);
        this.setId(st);
        this.setId(elem);
        st.elem = elem;
        return st;
      }
      case 'struct': {
        const st: GobType = { id: 0, name, kind: 'struct', fields: [] };
        this.setId(st);
        this.types.set(key, st);
        for (const f of rt.fields) {
          if (!f.sent) continue;
          const base = userType(f.schema).base;
          const tname = goName(base) || goString(base);
          const gt = this.getBaseType(tname, f.schema);
          this.setId(gt);
          st.fields!.push({ name: f.name, type: gt });
        }
        return st;
      }
      default:
        throw new GobEncodeError(`gob NewTypeObject can't handle type: ${goString(rt)}`, 'ERR_GOB_UNSUPPORTED');
    }
  }

  /** @internal Go's getTypeInfo. */
  typeInfo(ut: UserType): TypeInfo {
    const rt = ut.ext !== 0 ? ut.user : ut.base;
    const key = ut.ext !== 0 ? ut.userKey : ut.baseKey;
    const had = this.infos.get(key);
    if (had) return had;
    const gt = this.getBaseType(goName(rt), rt);
    const info: TypeInfo = { id: gt.id };
    if (ut.ext !== 0) {
      const u = this.getType(goName(rt), ut, rt);
      info.wire = { variant: ut.ext === 1 ? 'gobEncoder' : 'binaryMarshaler', type: u };
    } else {
      const k = ut.base.kind;
      if (k === 'array' || k === 'map' || k === 'slice' || k === 'struct') info.wire = { variant: k, type: gt };
    }
    this.infos.set(key, info);
    return info;
  }
}
