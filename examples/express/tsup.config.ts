import { defineConfig } from 'tsup';

// `dist/index.js` is the function's entry: `node dist/index.js` under Lambda
// (a provided.al2023 bootstrap or container ENTRYPOINT), or `tslambda invoke dist/index.js`.
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm'],
  clean: true,
  target: 'node20',
});
