// The built package: every entry is one file that imports nothing but the shared classes module, and the
// classes are the same across entries (instanceof holds between the root and any subpath, ESM or CommonJS).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(pkgDir, 'dist');
const pkg = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { exports: Record<string, { import?: { default: string }; require?: { default: string } }> };
const entries = Object.values(pkg.exports).filter((e) => e.import && e.require).map((e) => [e.import!.default, e.require!.default] as const);
const RELATIVE = /(?:^(?:import|export)\s[^'"]*?from\s*|^import\s*|require\()['"](\.\/[^'"]+)['"]/gm;

function run(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: pkgDir, encoding: 'utf8' }).trim();
}

describe('built entries', () => {
  beforeAll(() => {
    if (!existsSync(path.join(dist, 'classes.js'))) execFileSync('pnpm', ['build'], { cwd: pkgDir, stdio: 'pipe' });
  }, 120_000);

  it('every entry is one file that imports only the shared classes module', () => {
    expect(entries.length).toBeGreaterThan(40);
    for (const [esm, cjs] of entries) {
      for (const [file, classes] of [[esm, './classes.js'], [cjs, './classes.cjs']] as const) {
        const imports = [...readFileSync(path.join(pkgDir, file), 'utf8').matchAll(RELATIVE)].map((m) => m[1]);
        expect(imports.filter((s) => s !== classes), file).toEqual([]);
      }
    }
  });

  it('every entry loads, in ESM and in CommonJS', () => {
    const esm = run(['--input-type=module', '-e', `let n = 0; for (const f of ${JSON.stringify(entries.map(([e]) => path.join(pkgDir, e)))}) { await import(f); n++; } console.log(n);`]);
    const cjs = run(['-e', `let n = 0; for (const f of ${JSON.stringify(entries.map(([, c]) => path.join(pkgDir, c)))}) { require(f); n++; } console.log(n);`]);
    expect([Number(esm), Number(cjs)]).toEqual([entries.length, entries.length]);
  });

  for (const [kind, load] of [
    ['ESM', (p: string) => `await import(${JSON.stringify(path.join(dist, `${p}.js`))})`],
    ['CommonJS', (p: string) => `require(${JSON.stringify(path.join(dist, `${p}.cjs`))})`],
  ] as const) {
    it(`${kind}: classes are shared between the root and the subpaths`, () => {
      const code = `(async () => {
        const root = ${load('index')};
        const sqs = ${load('sqs')};
        const dynamodb = ${load('dynamodb')};
        let thrown;
        try { sqs.parseBody({ body: '{bad' }); } catch (e) { thrown = e; }
        const n = new root.DynamoDBNumber('12345678901234567890.5');
        console.log(JSON.stringify({
          errorShared: thrown instanceof root.LambdaEventError,
          code: thrown?.code,
          numberShared: dynamodb.DynamoDBNumber === root.DynamoDBNumber,
          marshalled: dynamodb.marshallValue(n),
        }));
      })();`;
      const out = JSON.parse(run(kind === 'ESM' ? ['--input-type=module', '-e', code] : ['-e', code]));
      expect(out).toEqual({ errorShared: true, code: 'INVALID_JSON', numberShared: true, marshalled: { N: '12345678901234567890.5' } });
    });
  }
});
