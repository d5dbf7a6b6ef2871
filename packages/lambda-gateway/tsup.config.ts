import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'node20',
  treeshake: true,
  // The event guards of @tslambda/lambda-events (a few small pure functions) are compiled in: imported,
  // they are eight small ES modules (~12 ms of a cold start to resolve and load). Its types still come
  // from the package, which stays a dependency.
  noExternal: [/^@tslambda\/lambda-events(\/|$)/],
  // Its entries import their shared chunks for side effects; the package has none, so esbuild drops them.
  esbuildOptions(options) {
    options.logOverride = { 'ignored-bare-import': 'silent' };
  },
});
