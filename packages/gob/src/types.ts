/** Type ids of gob's predeclared types, and the first id of user types. */
export const TypeId = {
  Bool: 1,
  Int: 2,
  Uint: 3,
  Float: 4,
  Bytes: 5,
  String: 6,
  Complex: 7,
  Interface: 8,
  FirstUser: 65,
} as const;

/** Kinds of wire types. */
export type WireKind =
  | 'bool' | 'int' | 'uint' | 'float' | 'bytes' | 'string' | 'complex' | 'interface'
  | 'array' | 'slice' | 'struct' | 'map' | 'gobEncoder' | 'binaryMarshaler' | 'textMarshaler';

/** A field of a struct wire type. */
export interface WireField {
  readonly name: string;
  readonly id: number;
}

/**
 * A type as received on the wire: the decoder's view of a Go type
 * definition. Child types are referenced by id; use {@link WireType.elemType}
 * and friends (or the decoder's `wireType(id)`) to follow them.
 */
export class WireType {
  /** @internal */
  constructor(
    /** The type id (the one that preceded the definition). */
    readonly id: number,
    readonly kind: WireKind,
    /** The name in the definition (`''` for unnamed types). */
    readonly name: string,
    /** Element id (array, slice, map). */
    readonly elem: number = 0,
    /** Key id (map). */
    readonly key: number = 0,
    /** Length (array). */
    readonly len: number = 0,
    /** Fields (struct). */
    readonly fields: readonly WireField[] = [],
    private readonly lookup?: (id: number) => WireType | undefined,
  ) {}

  /** The element type (array, slice, map), once defined. */
  get elemType(): WireType | undefined {
    return this.lookup?.(this.elem) ?? builtinWireType(this.elem);
  }
  /** The key type (map), once defined. */
  get keyType(): WireType | undefined {
    return this.lookup?.(this.key) ?? builtinWireType(this.key);
  }
  /** The type of field `i` (struct), once defined. */
  fieldType(i: number): WireType | undefined {
    const f = this.fields[i];
    return f ? (this.lookup?.(f.id) ?? builtinWireType(f.id)) : undefined;
  }
  /** Go-like description, e.g. `struct { X int; Y int }`, `[]string`, `map[string]int`. */
  toString(): string {
    return describe(this, new Set());
  }
}

const builtinKinds: WireKind[] = ['bool', 'int', 'uint', 'float', 'bytes', 'string', 'complex', 'interface'];
const builtins = builtinKinds.map((k, i) => new WireType(i + 1, k, k === 'bytes' ? '[]byte' : k));

/** The wire type of a predeclared id (1..8), if it is one. */
export function builtinWireType(id: number): WireType | undefined {
  return id >= 1 && id <= 8 ? builtins[id - 1] : undefined;
}

function describe(w: WireType | undefined, seen: Set<number>): string {
  if (!w) return '?';
  if (w.id < TypeId.FirstUser) return w.name;
  if (seen.has(w.id)) return w.name || `type${w.id}`;
  seen.add(w.id);
  switch (w.kind) {
    case 'array': return `[${w.len}]${describe(w.elemType, seen)}`;
    case 'slice': return `[]${describe(w.elemType, seen)}`;
    case 'map': return `map[${describe(w.keyType, seen)}]${describe(w.elemType, seen)}`;
    case 'struct': {
      const fs = w.fields.map((f, i) => `${f.name} ${describe(w.fieldType(i), seen)}`);
      return w.name || `struct { ${fs.join('; ')} }`;
    }
    default: return w.name || w.kind;
  }
}
