#!/usr/bin/env node
// `pnpm demo`: a gob round trip between @tslambda/gob and Go (examples/gob-demo/run.mjs).
// The root vitest config takes every file directly under examples/ as a project config and
// imports it, so this file starts the demo only when run as a script; for vitest it is an
// empty project.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default { test: { name: 'examples-demo', include: [] } };

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await import('./gob-demo/run.mjs');
}
