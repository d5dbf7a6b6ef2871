#!/usr/bin/env node
// Compiles a small consumer of every published package under TypeScript 5.9,
// 6.0 and 7.0, with both `nodenext` and `bundler` resolution. A package may
// provide `test/types/consumer.ts` (importing its public API by package name);
// otherwise a generic `import * as` of each export is used.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, '.ci/out/consumer');
const compilers = {
  '5.9': path.join(root, 'node_modules/typescript/bin/tsc'),
  '6.0': path.join(root, 'node_modules/typescript-6.0/bin/tsc'),
  '7.0': path.join(root, 'node_modules/typescript-7.0/bin/tsc'),
};

let failed = 0;
let passed = 0;
rmSync(out, { recursive: true, force: true });
for (const dir of readdirSync(path.join(root, 'packages'))) {
  const pkgDir = path.join(root, 'packages', dir);
  const pkgJson = path.join(pkgDir, 'package.json');
  if (!existsSync(pkgJson)) continue;
  const pkg = JSON.parse(readFileSync(pkgJson, 'utf8'));
  if (pkg.private) continue;
  const work = path.join(out, dir);
  mkdirSync(path.join(work, 'node_modules/@tslambda'), { recursive: true });
  // Link every workspace package so dependencies between them resolve too.
  for (const other of readdirSync(path.join(root, 'packages'))) {
    const p = path.join(root, 'packages', other, 'package.json');
    if (!existsSync(p)) continue;
    const name = JSON.parse(readFileSync(p, 'utf8')).name;
    symlinkSync(path.join(root, 'packages', other), path.join(work, 'node_modules', name), 'dir');
  }
  symlinkSync(path.join(root, 'node_modules/@types'), path.join(work, 'node_modules/@types'), 'dir');
  const custom = path.join(pkgDir, 'test/types/consumer.ts');
  let source;
  if (existsSync(custom)) {
    source = readFileSync(custom, 'utf8');
  } else {
    const subpaths = Object.keys(pkg.exports ?? { '.': null }).filter((k) => !k.endsWith('.json'));
    source = subpaths
      .map((s, i) => `import * as m${i} from '${pkg.name}${s === '.' ? '' : s.slice(1)}';\nexport const e${i} = m${i};\n`)
      .join('');
  }
  for (const [ext, moduleKind] of [['mts', 'nodenext'], ['cts', 'nodenext'], ['ts', 'bundler']]) {
    const file = `consumer-${moduleKind}.${ext}`;
    writeFileSync(path.join(work, file), source);
    for (const [version, tsc] of Object.entries(compilers)) {
      const args = ['--noEmit', '--strict', '--skipLibCheck', 'false', '--target', 'es2022', '--types', 'node',
        '--module', moduleKind === 'bundler' ? 'esnext' : 'nodenext',
        '--moduleResolution', moduleKind, file];
      const label = `${pkg.name} TS ${version} ${moduleKind} (.${ext})`;
      try {
        execFileSync(process.execPath, [tsc, ...args], { cwd: work, stdio: 'pipe' });
        passed++;
        console.log(`ok   ${label}`);
      } catch (err) {
        failed++;
        console.log(`FAIL ${label}\n${err.stdout?.toString() ?? ''}${err.stderr?.toString() ?? ''}`);
      }
    }
  }
}
console.log(`consumer types: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
