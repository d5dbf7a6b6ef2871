import { defineConfig } from 'tsup';

/** One entry per subpath export (`@tslambda/lambda-events/<name>`); keep in step with package.json "exports". */
export const entry = {
  index: 'src/index.ts',
  'alb': 'src/alb/index.ts',
  'api-gateway': 'src/api-gateway/index.ts',
  'lambda-url': 'src/lambda-url/index.ts',
  'vpc-lattice': 'src/vpc-lattice/index.ts',
};

export default defineConfig({
  entry,
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'node20',
  treeshake: true,
});
