import { resolve, type AnySchema, type Schema } from './schema.js';

/**
 * Go's `reflect.Type.String()` of a schema: `int`, `main.Point`,
 * `[]main.Point`, `map[string]*main.MapRec`, `struct { A int; B string }`.
 * Gob uses it for the names of unnamed field types, and it identifies a
 * type in an encoder's id space.
 */
export function goString(schema: Schema): string {
  const s = resolve(schema);
  if (s.kind === 'struct') {
    if (s.name !== '') return `${s.pkg}.${s.name}`;
    if (s.fields.length === 0) return 'struct {}';
    return `struct { ${s.fields.map((f) => `${f.name} ${goString(f.schema)}`).join('; ')} }`;
  }
  if (s.kind === 'marshaler') return `${s.pkg}.${s.name}`;
  if (s.kind === 'ptr') return `*${goString(s.elem)}`;
  if (s.name !== undefined && s.name !== '') return `${s.pkg ?? 'main'}.${s.name}`;
  return unnamedString(s);
}

function unnamedString(s: AnySchema): string {
  switch (s.kind) {
    case 'bool': return 'bool';
    case 'int': case 'uint': return s.goName;
    case 'float': return `float${s.bits}`;
    case 'complex': return `complex${s.bits}`;
    case 'string': return 'string';
    case 'bytes': return '[]uint8';
    case 'slice': return `[]${goString(s.elem)}`;
    case 'array': return `[${s.len}]${goString(s.elem)}`;
    case 'map': return `map[${goString(s.key)}]${goString(s.elem)}`;
    case 'interface': return 'interface {}';
    case 'func': return 'func()';
    case 'chan': return 'chan int';
    default: return '?';
  }
}

/** Go's `reflect.Type.Name()`: the type name, `''` for unnamed types (pointers, slices, ...). */
export function goName(schema: Schema): string {
  const s = resolve(schema);
  switch (s.kind) {
    case 'struct': case 'marshaler': return s.name;
    case 'ptr': return '';
    default:
      if (s.name !== undefined) return s.name;
      switch (s.kind) {
        case 'bool': case 'string': return s.kind;
        case 'int': case 'uint': return s.goName;
        case 'float': return `float${s.bits}`;
        case 'complex': return `complex${s.bits}`;
        default: return '';
      }
  }
}
