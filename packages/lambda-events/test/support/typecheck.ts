import path from 'node:path';
import ts from 'typescript';
import type { Fixture } from './fixtures.js';
import { packageDir } from './fixtures.js';

/** The options of the corpus check: strict, `exactOptionalPropertyTypes` off, bundler resolution, plain ES2022. */
const options: ts.CompilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: false,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts'],
  types: ['node'],
  typeRoots: [path.resolve(packageDir, '../../node_modules/@types')],
  skipLibCheck: true,
};

/**
 * Compiles, in one program, one virtual module per fixture:
 * `export const fixture = <json> satisfies <Folder>;` importing the type from
 * the package's sources. Returns the error messages of each fixture (empty = passed),
 * plus errors outside the fixtures (in the package itself).
 */
export function typecheckFixtures(fixtures: readonly Fixture[]): { perFixture: string[][]; other: string[] } {
  const entry = path.join(packageDir, 'src', 'index');
  const vdir = path.join(packageDir, '.fixture-typecheck');
  const files = new Map<string, string>();
  const names = fixtures.map((f, i) => {
    const name = path.join(vdir, `${i}-${f.folder}-${f.file.replace(/\.json$/, '')}.ts`);
    files.set(name, `import type { ${f.folder} } from ${JSON.stringify(entry)};\nexport const fixture = ${JSON.stringify(f.value, null, 1)} satisfies ${f.folder};\n`);
    return name;
  });
  const host = ts.createCompilerHost(options, true);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  host.getSourceFile = (f, lang, ...rest) => {
    const text = files.get(f);
    return text === undefined ? getSourceFile(f, lang, ...rest) : ts.createSourceFile(f, text, lang, true);
  };
  host.fileExists = (f) => files.has(f) || fileExists(f);
  host.readFile = (f) => files.get(f) ?? readFile(f);
  const program = ts.createProgram(names, options, host);
  const text = (d: ts.Diagnostic) => ts.flattenDiagnosticMessageText(d.messageText, '\n');
  const perFixture = names.map((n) => ts.getPreEmitDiagnostics(program, program.getSourceFile(n)).map(text));
  const other = ts
    .getPreEmitDiagnostics(program)
    .filter((d) => !d.file || !files.has(d.file.fileName))
    .map((d) => `${d.file?.fileName ?? ''}: ${text(d)}`);
  return { perFixture, other };
}
