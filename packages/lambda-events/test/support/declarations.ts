import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { packageDir } from './fixtures.js';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * A `node_modules` folder in which `@tslambda/lambda-events` resolves to
 * built declarations: the package's own `dist/` when it is newer than `src/`
 * (as after `pnpm build`), else declarations emitted by tsc into a temp copy
 * laid out like `dist/`. Returns the folder and which one was used.
 */
export function declarationsRoot(): { nodeModules: string; source: 'dist' | 'tsc' } {
  const root = mkdtempSync(path.join(tmpdir(), 'lambda-events-check-'));
  const nodeModules = path.join(root, 'node_modules');
  mkdirSync(path.join(nodeModules, '@tslambda'), { recursive: true });
  const link = path.join(nodeModules, '@tslambda', 'lambda-events');
  const dist = path.join(packageDir, 'dist', 'index.d.ts');
  if (existsSync(dist) && statSync(dist).mtimeMs >= newestMtime(path.join(packageDir, 'src'))) {
    symlinkSync(packageDir, link, 'dir');
    return { nodeModules, source: 'dist' };
  }
  // tsc's per-file declarations: dist/index.d.ts is what the root export names.
  mkdirSync(link);
  cpSync(path.join(packageDir, 'package.json'), path.join(link, 'package.json'));
  const program = ts.createProgram([path.join(packageDir, 'src', 'index.ts')], {
    declaration: true,
    emitDeclarationOnly: true,
    outDir: path.join(link, 'dist'),
    rootDir: path.join(packageDir, 'src'),
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    skipLibCheck: true,
    types: ['node'],
    typeRoots: [path.resolve(packageDir, '../../node_modules/@types')],
  });
  const emitted = program.emit();
  const errors = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
  if (errors.length) throw new Error(ts.formatDiagnostics(errors, ts.createCompilerHost({})));
  return { nodeModules, source: 'tsc' };
}
