import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SQSEvent } from '@tslambda/lambda';
import { LocalFunction, sampleEvent, type Protocol } from '@tslambda/lambda-local';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'dist/index.js');

beforeAll(() => {
  if (!existsSync(entry)) execFileSync('pnpm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
});

function sqsEvent(bodies: Record<string, string>): SQSEvent {
  const template = (sampleEvent('sqs').event as SQSEvent).Records[0]!;
  return { Records: Object.entries(bodies).map(([messageId, body]) => ({ ...template, messageId, body })) };
}

describe.each<Protocol>(['api', 'go1x'])('sqs-batch under %s', (protocol) => {
  let fn: LocalFunction;
  beforeAll(() => {
    fn = new LocalFunction({ entry, protocol });
  });
  afterAll(() => fn.close());

  it('reports only the failed messages', async () => {
    const result = await fn.invoke(
      sqsEvent({
        'm-1': JSON.stringify({ orderId: 'o-1', quantity: 2 }),
        'm-2': JSON.stringify({ orderId: 'o-2', quantity: 0 }),
        'm-3': 'not json',
        'm-4': JSON.stringify({ orderId: 'o-4', quantity: 1 }),
      }),
    );
    expect(result.functionError, `${result.payload}\n${result.logs}`).toBeUndefined();
    expect(JSON.parse(result.payload.toString())).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-2' }, { itemIdentifier: 'm-3' }] });
    expect(result.logs).toMatch(/INFO\torder accepted/);
    expect(result.logs).toMatch(/WARN\tmessage failed/);
  });

  it('returns an empty failure list when every message succeeds', async () => {
    const result = await fn.invoke(sqsEvent({ a: JSON.stringify({ orderId: 'x', quantity: 5 }) }));
    expect(JSON.parse(result.payload.toString())).toEqual({ batchItemFailures: [] });
  });
});
