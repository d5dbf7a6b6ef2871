import path from 'node:path';
import type { Options } from 'tsup';
import { defineConfig } from 'tsup';

/** One entry per subpath export (`@tslambda/lambda-events/<name>`); keep in step with package.json "exports". */
export const entry = {
  index: 'src/index.ts',
  'alb': 'src/alb/index.ts',
  'api-gateway': 'src/api-gateway/index.ts',
  'appsync': 'src/appsync/index.ts',
  'autoscaling': 'src/autoscaling/index.ts',
  'batch': 'src/batch/index.ts',
  'bedrock-agent': 'src/bedrock-agent/index.ts',
  'client-vpn': 'src/client-vpn/index.ts',
  'cloudformation': 'src/cloudformation/index.ts',
  'cloudfront': 'src/cloudfront/index.ts',
  'cloudtrail': 'src/cloudtrail/index.ts',
  'cloudwatch': 'src/cloudwatch/index.ts',
  'cloudwatch-logs': 'src/cloudwatch-logs/index.ts',
  'codebuild': 'src/codebuild/index.ts',
  'codecommit': 'src/codecommit/index.ts',
  'codedeploy': 'src/codedeploy/index.ts',
  'codepipeline': 'src/codepipeline/index.ts',
  'cognito': 'src/cognito/index.ts',
  'config': 'src/config/index.ts',
  'connect': 'src/connect/index.ts',
  'documentdb': 'src/documentdb/index.ts',
  'dynamodb': 'src/dynamodb/index.ts',
  'ecr': 'src/ecr/index.ts',
  'ecs': 'src/ecs/index.ts',
  'envelopes': 'src/envelopes/index.ts',
  'eventbridge': 'src/eventbridge/index.ts',
  'firehose': 'src/firehose/index.ts',
  'iot': 'src/iot/index.ts',
  'kafka': 'src/kafka/index.ts',
  'kinesis': 'src/kinesis/index.ts',
  'kinesis-analytics': 'src/kinesis-analytics/index.ts',
  'lambda-url': 'src/lambda-url/index.ts',
  'lex': 'src/lex/index.ts',
  'mq': 'src/mq/index.ts',
  's3': 'src/s3/index.ts',
  'secrets-manager': 'src/secrets-manager/index.ts',
  'ses': 'src/ses/index.ts',
  'sns': 'src/sns/index.ts',
  'sqs': 'src/sqs/index.ts',
  'transfer-family': 'src/transfer-family/index.ts',
  'vpc-lattice': 'src/vpc-lattice/index.ts',
};

/** Modules with classes: kept in dist/classes.(c)js, shared by every entry (one class, one `instanceof`). */
const CLASS_MODULES = [path.resolve('src/errors.ts'), path.resolve('src/dynamodb/number.ts')];

/** Imports of a class module become imports of the shared classes module, next to every entry in dist/. */
const sharedClasses: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'shared-classes',
  setup(build) {
    // tsup gives both builds format 'esm' to esbuild; the CommonJS one writes `.cjs` files.
    const file = `./classes${build.initialOptions.outExtension?.['.js'] ?? '.js'}`;
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.importer === path.resolve('src/classes.ts')) return undefined;
      const target = path.resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts');
      return CLASS_MODULES.includes(target) ? { path: file, external: true } : undefined;
    });
  },
};

// Each entry is one file (plus the classes module when it uses a class): a subpath import loads one
// or two small modules instead of a graph of shared chunks, which costs ~1 ms a module at start-up.
export default defineConfig([
  {
    entry: { classes: 'src/classes.ts' },
    format: ['esm', 'cjs'],
    dts: false,
    clean: false,
    target: 'node20',
    treeshake: true,
  },
  {
    entry,
    format: ['esm', 'cjs'],
    splitting: false,
    dts: true,
    clean: false,
    target: 'node20',
    treeshake: true,
    esbuildPlugins: [sharedClasses],
  },
]);
