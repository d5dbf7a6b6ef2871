import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    target: 'node20',
    treeshake: true,
    shims: true,
  },
  {
    // The `tslambda` command: ESM only.
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    target: 'node20',
    treeshake: true,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
