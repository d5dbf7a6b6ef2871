// Loads the vector files from GOB_VECTORS_DIR (default <repo>/../shared/vectors).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Json } from './vector-schema.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const vectorsDir = process.env.GOB_VECTORS_DIR
  ? path.resolve(repoRoot, process.env.GOB_VECTORS_DIR)
  : path.resolve(repoRoot, '../shared/vectors');

export interface VectorFile {
  file: string;
  category: string;
  vectors: any[];
}

let cache: VectorFile[] | undefined;

/** Every category file in the directory (any `*.json` with a `vectors` array). */
export function loadVectorFiles(): VectorFile[] {
  if (cache) return cache;
  cache = [];
  for (const file of readdirSync(vectorsDir).filter((f) => f.endsWith('.json')).sort()) {
    const data = JSON.parse(readFileSync(path.join(vectorsDir, file), 'utf8')) as { category?: string; vectors?: unknown };
    if (!Array.isArray(data.vectors)) continue;
    cache.push({ file, category: data.category ?? file, vectors: data.vectors });
  }
  return cache;
}

/** Every interface name registered in any vector (the `$type` values), like Go's process-wide registry. */
export function registeredNames(): Set<string> {
  const names = new Set<string>();
  const walk = (v: Json): void => {
    if (v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach(walk);
    if (typeof v.$type === 'string') names.add(v.$type);
    Object.values(v).forEach(walk);
  };
  for (const f of loadVectorFiles()) walk(f.vectors as Json);
  for (const f of loadVectorFiles()) {
    for (const v of f.vectors) {
      for (const m of String(v.goType ?? '').matchAll(/RegisterName\("([^"]+)"/g)) names.add(m[1]!);
      for (const m of String(v.goType ?? '').matchAll(/registered as ["`]([^"`]+)["`]/g)) names.add(m[1]!);
    }
  }
  return names;
}

export function hex(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
}

export function unhex(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, 'hex'));
}
