import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { defineProject, type UserWorkspaceConfig } from 'vitest/config';

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * Resolves `@tslambda/<pkg>` and `@tslambda/<pkg>/<sub>` to the package's
 * TypeScript sources, so tests run without a build. Child processes that
 * need a package load its built `dist/` instead (`pnpm test` builds first).
 */
function sourceAlias(spec: string): string | undefined {
  const m = /^@tslambda\/([\w-]+)(?:\/(.+))?$/.exec(spec);
  if (!m) return undefined;
  const base = path.join(root, 'packages', m[1]!, 'src', m[2] ?? 'index');
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** The vitest project config every package uses. */
export function packageProject(name: string, extra: UserWorkspaceConfig['test'] = {}) {
  return defineProject({
    plugins: [
      {
        name: 'tslambda-source-alias',
        enforce: 'pre',
        resolveId(id: string) {
          return sourceAlias(id) ?? null;
        },
      },
    ],
    test: { name, include: ['test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000, ...extra },
  });
}
