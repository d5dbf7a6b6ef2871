import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './fixtures.js';

/** One file of the public corpus (always the shared one, whatever LAMBDA_EVENTS_FIXTURES_DIR says). */
export function sample<T = unknown>(file: string): T {
  return JSON.parse(readFileSync(path.resolve(repoRoot, '../shared/events', file), 'utf8')) as T;
}
