import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalFunction, type Protocol } from '@tslambda/lambda-local';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'dist/index.js');

beforeAll(() => {
  // `pnpm test` builds every package first; a lone `vitest --project` run may not have.
  if (!existsSync(entry)) execFileSync('pnpm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
});

describe.each<Protocol>(['api', 'go1x'])('hello under %s', (protocol) => {
  let fn: LocalFunction;
  beforeAll(() => {
    fn = new LocalFunction({ entry, protocol, name: 'hello' });
  });
  afterAll(() => fn.close());

  it('says Hello ƛ!', async () => {
    const result = await fn.invoke({});
    expect(result.functionError, `${result.payload}\n${result.logs}`).toBeUndefined();
    expect(JSON.parse(result.payload.toString('utf8'))).toBe('Hello ƛ!');
    expect(result.report.initDurationMs).toBeGreaterThan(0);
    expect(result.logs).toMatch(/^REPORT RequestId: /m);
  });

  it('answers again from the warm instance', async () => {
    const result = await fn.invoke({ anything: true });
    expect(JSON.parse(result.payload.toString('utf8'))).toBe('Hello ƛ!');
    expect(result.report.initDurationMs).toBeUndefined();
    expect(fn.instanceCount).toBe(1);
  });
});
