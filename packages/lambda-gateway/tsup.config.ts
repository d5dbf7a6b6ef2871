import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'node20',
  treeshake: true,
  // The event guards of @tslambda/lambda-events (a few small pure functions) are compiled in: imported,
  // they are three more modules to resolve and load at start-up. Its types still come from the package,
  // which stays a dependency.
  noExternal: [/^@tslambda\/lambda-events(\/|$)/],
});
