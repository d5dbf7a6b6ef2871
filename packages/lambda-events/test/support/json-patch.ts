// RFC 6902 JSON Patch, the operations the corpus uses (add, remove, replace), with RFC 6901 pointers.
export interface PatchOperation {
  op: 'add' | 'remove' | 'replace';
  path: string;
  value?: unknown;
}

export function applyPatch(doc: unknown, ops: readonly PatchOperation[]): unknown {
  const root = structuredClone(doc);
  for (const op of ops) {
    const keys = op.path.slice(1).split('/').map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = keys.pop();
    if (!op.path.startsWith('/') || last === undefined) throw new Error(`bad path ${op.path}`);
    let parent: unknown = root;
    for (const k of keys) {
      if (parent === null || typeof parent !== 'object' || !Object.hasOwn(parent, k)) throw new Error(`${op.op} ${op.path}: no ${k}`);
      parent = (parent as Record<string, unknown>)[k];
    }
    if (parent === null || typeof parent !== 'object') throw new Error(`${op.op} ${op.path}: parent is not a container`);
    if (Array.isArray(parent)) {
      const i = last === '-' ? parent.length : Number(last);
      if (!Number.isInteger(i) || i < 0 || i > parent.length) throw new Error(`${op.op} ${op.path}: bad index`);
      if (op.op === 'add') parent.splice(i, 0, structuredClone(op.value));
      else if (i >= parent.length) throw new Error(`${op.op} ${op.path}: nothing there`);
      else if (op.op === 'replace') parent[i] = structuredClone(op.value);
      else parent.splice(i, 1);
    } else {
      const obj = parent as Record<string, unknown>;
      if (op.op !== 'add' && !Object.hasOwn(obj, last)) throw new Error(`${op.op} ${op.path}: nothing there`);
      if (op.op === 'remove') delete obj[last];
      else obj[last] = structuredClone(op.value);
    }
  }
  return root;
}
