// The built package keeps the go1.x transport (and @tslambda/netrpc, @tslambda/gob) out of the
// Runtime API path: a separate chunk, loaded only by loadGo1xTransport().
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, pkgDir } from './helpers/child.js';

const dist = path.join(pkgDir, 'dist');
const STATIC_IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every specifier reachable from `file` through static imports (ESM) or top-level requires (CJS). */
function staticGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(STATIC_IMPORT)].map((m) => (m[1] ?? m[2])!);
  if (file.endsWith('.cjs')) specs.push(...[...text.matchAll(/^var \w+ = require\(['"]([^'"]+)['"]\)/gm)].map((m) => m[1]!));
  for (const s of specs) {
    if (s.startsWith('./')) staticGraph(path.join(path.dirname(file), s), seen);
    else seen.add(s);
  }
  return seen;
}

describe('go1.x chunk in the build', () => {
  beforeAll(() => ensureBuilt(), 120_000);

  for (const entry of ['index.js', 'index.cjs', 'bin.js']) {
    it(`${entry} loads neither netrpc nor gob statically, and imports the go1.x chunk lazily`, () => {
      const graph = [...staticGraph(path.join(dist, entry))];
      expect(graph.filter((s) => s.includes('@tslambda/netrpc') || s.includes('@tslambda/gob'))).toEqual([]);
      expect(graph.some((s) => path.basename(s).startsWith('go1x-'))).toBe(false);
      const lazy = [...readFileSync(path.join(dist, entry), 'utf8').matchAll(DYNAMIC_IMPORT)].map((m) => m[1]!);
      expect(lazy.filter((s) => /^\.\/go1x-[\w-]+\.c?js$/.test(s))).toHaveLength(1);
      const chunk = path.join(dist, lazy.find((s) => s.includes('go1x-'))!);
      expect([...staticGraph(chunk)]).toEqual(expect.arrayContaining(['@tslambda/netrpc', '@tslambda/gob']));
    });

    it(`${entry} imports no node:util (its ESM wrapper is slow to build: the runtime reaches util through process.getBuiltinModule)`, () => {
      const graph = [...staticGraph(path.join(dist, entry))];
      expect(graph.filter((s) => s === 'util' || s === 'node:util')).toEqual([]);
    });

    it(`${entry} is one file, and its go1.x chunk imports nothing from it (one module to load at start-up, no second copy of the runtime's state)`, () => {
      const files = (file: string) => [...staticGraph(file)].filter((s) => s.startsWith('/') || s.includes(dist));
      expect(files(path.join(dist, entry))).toEqual([path.join(dist, entry)]);
      const chunk = [...readFileSync(path.join(dist, entry), 'utf8').matchAll(DYNAMIC_IMPORT)].map((m) => m[1]!).find((s) => s.includes('go1x-'))!;
      expect(files(path.join(dist, chunk))).toEqual([path.join(dist, chunk)]);
    });
  }

  it('requiring the CommonJS build loads no netrpc or gob module', () => {
    const out = execFileSync(
      process.execPath,
      ['-e', "require('./dist/index.cjs'); console.log(JSON.stringify(Object.keys(require.cache).filter((k) => /netrpc|[\\\\/]gob[\\\\/]/.test(k))))"],
      { cwd: pkgDir, encoding: 'utf8' },
    );
    expect(JSON.parse(out)).toEqual([]);
  });
});
