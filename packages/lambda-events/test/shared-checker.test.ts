import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { declarationsRoot } from './support/declarations.js';
import { fixturesDir, ownSamplesDir, repoRoot } from './support/fixtures.js';

// The project's own corpus checker (../shared/tools/check-event-types.mjs),
// run as the steering side runs it: against the package's declarations,
// with module resolution "bundler", every fixture of the corpus.
const checker = path.resolve(repoRoot, '../shared/tools/check-event-types.mjs');
const typescript = path.resolve(repoRoot, 'node_modules/typescript');

describe('shared check-event-types.mjs', () => {
  let root: string | undefined;
  afterAll(() => {
    if (root) rmSync(path.dirname(root), { recursive: true, force: true });
  });

  it('passes every fixture', () => {
    expect(existsSync(checker), `${checker} is missing`).toBe(true);
    const { nodeModules } = declarationsRoot();
    root = nodeModules;
    const run = spawnSync(
      process.execPath,
      [checker, '--module', '@tslambda/lambda-events', '--root', nodeModules, '--typescript', typescript, '--fixtures', fixturesDir, '--fixtures', ownSamplesDir],
      { encoding: 'utf8', timeout: 120_000 },
    );
    const out = `${run.stdout}\n${run.stderr}`;
    expect(out).toMatch(/^\d+ passed, 0 failed/m);
    expect(run.status, out).toBe(0);
  });
});
