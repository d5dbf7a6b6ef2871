import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', gateway: 'src/gateway.ts', events: 'src/events.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'node20',
  treeshake: true,
});
