#!/usr/bin/env node
// Runs the benchmark suites: `pnpm bench` (all) or `pnpm bench <suite>...`.
// Each suite is bench/<suite>/run.mjs and prints its own table and ratios.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const all = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(here, d.name, 'run.mjs')))
  .map((d) => d.name);
const wanted = process.argv.slice(2);
const suites = wanted.length ? wanted : all;
let status = 0;
for (const suite of suites) {
  const file = path.join(here, suite, 'run.mjs');
  if (!existsSync(file)) {
    console.error(`unknown suite "${suite}"; have: ${all.join(', ')}`);
    status = 1;
    continue;
  }
  console.log(`\n### ${suite}\n`);
  const r = spawnSync(process.execPath, [file], { stdio: 'inherit' });
  if (r.status !== 0) status = r.status ?? 1;
}
process.exit(status);
