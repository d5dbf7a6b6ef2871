import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { S3Event } from '@tslambda/lambda';
import { LocalFunction, sampleEvent, type Protocol } from '@tslambda/lambda-local';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'dist/index.js');

beforeAll(() => {
  if (!existsSync(entry)) execFileSync('pnpm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
});

function s3Event(keys: string[]): S3Event {
  const template = (sampleEvent('s3').event as S3Event).Records[0]!;
  return { Records: keys.map((key) => ({ ...template, s3: { ...template.s3, object: { ...template.s3.object, key } } })) };
}

describe.each<Protocol>(['api', 'go1x'])('s3-event under %s', (protocol) => {
  let fn: LocalFunction;
  beforeAll(() => {
    fn = new LocalFunction({ entry, protocol });
  });
  afterAll(() => fn.close());

  it('prints and returns the decoded object keys', async () => {
    const result = await fn.invoke(s3Event(['photos/2024/beach+day.jpg', 'docs/r%C3%A9sum%C3%A9.pdf']));
    expect(result.functionError, `${result.payload}\n${result.logs}`).toBeUndefined();
    expect(JSON.parse(result.payload.toString())).toEqual({ keys: ['photos/2024/beach day.jpg', 'docs/résumé.pdf'] });
    const bucket = (sampleEvent('s3').event as S3Event).Records[0]!.s3.bucket.name;
    expect(result.logs).toContain(`INFO\ts3://${bucket}/photos/2024/beach day.jpg`);
    expect(result.logs).toContain(`s3://${bucket}/docs/résumé.pdf`);
  });

  it('handles the unmodified AWS sample', async () => {
    const result = await fn.invoke(sampleEvent('s3').event);
    expect(result.functionError, `${result.payload}\n${result.logs}`).toBeUndefined();
    expect(JSON.parse(result.payload.toString()).keys).toHaveLength(1);
  });
});
