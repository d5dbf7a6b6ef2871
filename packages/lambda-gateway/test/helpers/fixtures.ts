// Loads the shared AWS sample events (public and, when present, held-back ones).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../../../..');
export const fixturesDir = process.env.LAMBDA_EVENTS_FIXTURES_DIR ?? path.resolve(repoRoot, '../shared/events');

interface IndexEntry {
  file: string;
  type: string;
  role?: string;
  patch?: { ops: PatchOp[] };
}
interface PatchOp {
  op: 'add' | 'remove' | 'replace';
  path: string;
  value?: unknown;
}

export interface Sample {
  file: string;
  type: string;
  event: Record<string, unknown>;
}

// RFC 6902 add/remove/replace with RFC 6901 pointers, as ../shared/tools/json-patch.mjs describes.
function applyPatch(doc: unknown, ops: PatchOp[]): unknown {
  const root = structuredClone(doc);
  for (const op of ops) {
    const keys = op.path.slice(1).split('/').map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = keys.pop()!;
    let parent = root as Record<string, unknown>;
    for (const k of keys) parent = parent[k] as Record<string, unknown>;
    if (Array.isArray(parent)) {
      const i = last === '-' ? parent.length : Number(last);
      if (op.op === 'add') parent.splice(i, 0, structuredClone(op.value));
      else if (op.op === 'replace') parent[i] = structuredClone(op.value);
      else parent.splice(i, 1);
    } else if (op.op === 'remove') delete parent[last];
    else parent[last] = structuredClone(op.value);
  }
  return root;
}

/** Every sample (index.json entries) whose type is one of `types`, patch applied. */
export function loadSamples(types: readonly string[]): Sample[] {
  const index = JSON.parse(readFileSync(path.join(fixturesDir, 'index.json'), 'utf8')) as IndexEntry[];
  const out: Sample[] = [];
  for (const entry of index) {
    if (!types.includes(entry.type)) continue;
    const file = path.join(fixturesDir, entry.file);
    if (!existsSync(file)) continue;
    let event = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (entry.patch) event = applyPatch(event, entry.patch.ops);
    out.push({ file: entry.file, type: entry.type, event: event as Record<string, unknown> });
  }
  return out;
}
