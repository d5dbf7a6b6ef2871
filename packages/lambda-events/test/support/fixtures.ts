import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyPatch, type PatchOperation } from './json-patch.js';

export const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const repoRoot = path.resolve(packageDir, '../..');

/** The corpus folder: `LAMBDA_EVENTS_FIXTURES_DIR` (relative to the repo root) or `../shared/events`. */
export const fixturesDir = path.resolve(repoRoot, process.env.LAMBDA_EVENTS_FIXTURES_DIR ?? '../shared/events');

/** The package's own samples, for types the corpus has no folder for (test/samples/README.md). */
export const ownSamplesDir = path.join(packageDir, 'test', 'samples');

/** The corpus plus the package's own samples. */
export function loadAllFixtures(): Fixture[] {
  return [...loadFixtures(fixturesDir), ...loadFixtures(ownSamplesDir)];
}

export interface Fixture {
  /** Folder name = type name. */
  folder: string;
  file: string;
  /** "event", "response" or "part" (from index.json; "event" when unlisted). */
  role: string;
  /** The payload with its documented patch applied. */
  value: unknown;
  patched: boolean;
}

interface IndexEntry {
  file: string;
  role?: string;
  patch?: { ops: PatchOperation[] };
}

/** Every `<folder>/<file>.json` of the corpus, patched as its index.json says. */
export function loadFixtures(dir = fixturesDir): Fixture[] {
  if (!existsSync(dir)) throw new Error(`fixture directory ${dir} does not exist (set LAMBDA_EVENTS_FIXTURES_DIR)`);
  const index = new Map<string, IndexEntry>();
  const indexFile = path.join(dir, 'index.json');
  if (existsSync(indexFile)) for (const e of JSON.parse(readFileSync(indexFile, 'utf8')) as IndexEntry[]) index.set(e.file, e);
  const roles = new Map<string, string>();
  for (const [file, e] of index) if (e.role) roles.set(file.split('/')[0]!, e.role);
  const out: Fixture[] = [];
  for (const folder of readdirSync(dir).sort()) {
    if (!statSync(path.join(dir, folder)).isDirectory()) continue;
    for (const file of readdirSync(path.join(dir, folder)).sort()) {
      if (!file.endsWith('.json')) continue;
      const entry = index.get(`${folder}/${file}`);
      let value: unknown = JSON.parse(readFileSync(path.join(dir, folder, file), 'utf8'));
      if (entry?.patch) value = applyPatch(value, entry.patch.ops);
      out.push({ folder, file, role: entry?.role ?? roles.get(folder) ?? 'event', value, patched: !!entry?.patch });
    }
  }
  if (out.length === 0) throw new Error(`no fixtures in ${dir}`);
  return out;
}
