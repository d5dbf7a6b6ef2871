import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as events from '@tslambda/lambda-events';
import { loadAllFixtures } from './support/fixtures.js';
import { documentedNestings } from './support/nestings.js';

// Generated from the folder layout: each event folder <T> has a guard is<T>;
// it accepts every sample of <T> and rejects every sample of every other
// folder, except the folders the nesting table of docs/events.md lists for it.
const fixtures = loadAllFixtures();
const folders = [...new Set(fixtures.map((f) => f.folder))];
const eventFolders = folders.filter((folder) => fixtures.some((f) => f.folder === folder && f.role === 'event'));
const guards = new Map(
  Object.entries(events).filter((e): e is [string, (x: unknown) => boolean] => /^is[A-Z]/.test(e[0]) && typeof e[1] === 'function'),
);
const nestings = documentedNestings();

describe('every event folder has a guard', () => {
  it.each(eventFolders)('is%s', (folder) => {
    expect(guards.has(`is${folder}`)).toBe(true);
  });
});

describe('guards accept their own samples', () => {
  it.each(fixtures.filter((f) => guards.has(`is${f.folder}`)).map((f) => [`${f.folder}/${f.file}`, f] as const))('%s', (_n, f) => {
    expect(guards.get(`is${f.folder}`)!(f.value)).toBe(true);
  });
});

describe('guards reject other kinds, except documented nestings', () => {
  it.each([...guards.keys()])('%s', (name) => {
    const guard = guards.get(name)!;
    const own = name.slice(2);
    const allowed = nestings.get(name) ?? new Set<string>();
    const accepted = new Set(fixtures.filter((f) => f.folder !== own && guard(f.value)).map((f) => f.folder));
    // Accepted only where documented, and documented nestings hold for every sample of the nested folder.
    expect([...accepted].filter((f) => !allowed.has(f))).toEqual([]);
    for (const folder of allowed) {
      if (!folders.includes(folder)) continue;
      const rejected = fixtures.filter((f) => f.folder === folder && !guard(f.value)).map((f) => f.file);
      expect(rejected, `${name} should accept every ${folder} sample`).toEqual([]);
    }
  });

  it('the nesting table names only exported guards', () => {
    expect(nestings.size).toBeGreaterThan(0);
    for (const guard of nestings.keys()) expect(guards.has(guard), guard).toBe(true);
  });
});

describe('guards are total', () => {
  const odd: unknown[] = [undefined, null, 0, '', 'Records', [], [{}], {}, { Records: [] }, { Records: [null] }, { requestContext: null }, Object.create(null)];
  it.each([...guards.keys()])('%s returns false on junk and never throws', (name) => {
    for (const x of odd) expect(guards.get(name)!(x)).toBe(false);
  });

  it('no guard throws on arbitrary values (property-based)', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withMap: true, withSet: true, withTypedArray: true }), (x) => {
        for (const guard of guards.values()) expect(typeof guard(x)).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});
