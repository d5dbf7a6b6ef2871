import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './fixtures.js';

/**
 * The guard nesting table of docs/events.md (between the `nestings:start` and
 * `nestings:end` markers): guard name → folders whose samples it also accepts.
 * The test reads the documentation itself, so the two cannot drift apart.
 */
export function documentedNestings(): Map<string, Set<string>> {
  const doc = readFileSync(path.join(repoRoot, 'docs', 'events.md'), 'utf8');
  const start = doc.indexOf('<!-- nestings:start -->');
  const end = doc.indexOf('<!-- nestings:end -->');
  if (start < 0 || end < start) throw new Error('docs/events.md has no nestings table');
  const table = new Map<string, Set<string>>();
  for (const line of doc.slice(start, end).split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const guard = /^`(is\w+)`$/.exec(cells[1] ?? '')?.[1];
    if (!guard) continue;
    table.set(guard, new Set([...(cells[2] ?? '').matchAll(/`(\w+)`/g)].map((m) => m[1]!)));
  }
  return table;
}
