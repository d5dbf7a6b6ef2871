import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageDir, repoRoot } from './support/fixtures.js';

// esbuild comes from the workspace's bench package (this package has no dependencies).
type Build = (options: Record<string, unknown>) => Promise<{ outputFiles: Array<{ text: string }> }>;
const { build } = createRequire(path.join(repoRoot, 'bench', 'package.json'))('esbuild') as { build: Build };

// `sideEffects: false` and pure modules: a consumer importing one guard from
// the root gets that guard, not the rest of the package.
async function bundle(code: string): Promise<string> {
  const result = await build({
    stdin: { contents: code, resolveDir: packageDir, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    minify: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
const root = JSON.stringify(path.join(packageDir, 'src', 'index.ts'));

describe('tree shaking', () => {
  it('one guard from the root pulls in no helper and no other service', async () => {
    const out = await bundle(`import { isS3Event } from ${root}; console.log(isS3Event);`);
    expect(out).toContain('aws:s3');
    for (const absent of ['DecompressionStream', 'unmarshall', 'aws:sqs', 'ContactFlowEvent', 'TextDecoder', 'LambdaEventError']) {
      expect(out, absent).not.toContain(absent);
    }
    expect(out.length).toBeLessThan(2_000);
  });

  it('a helper brings only what it needs', async () => {
    const out = await bundle(`import { unmarshall } from ${root}; console.log(unmarshall);`);
    expect(out).toContain('unmarshall');
    for (const absent of ['DecompressionStream', 'isS3Event', 'aws:sqs', 'processBatch']) expect(out, absent).not.toContain(absent);
  });
});
