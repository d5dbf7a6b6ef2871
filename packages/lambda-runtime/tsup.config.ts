import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    // Code splitting in both formats keeps the go1.x transport (and netrpc/gob) in its own lazily loaded chunk.
    splitting: true,
    dts: true,
    clean: true,
    target: 'node20',
    treeshake: true,
  },
  {
    // The CLI (aws-lambda-ric replacement): ESM only, self-contained.
    entry: { bin: 'src/bin.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    target: 'node20',
    treeshake: true,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
