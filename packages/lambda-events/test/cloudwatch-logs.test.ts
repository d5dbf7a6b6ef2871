import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type CloudWatchLogsEvent, decodeCloudWatchLogs, parseCloudWatchLogsData } from '@tslambda/lambda-events/cloudwatch-logs';
import { sample } from './support/sample.js';

const wrap = (bytes: Uint8Array | string): CloudWatchLogsEvent => ({ awslogs: { data: Buffer.from(bytes).toString('base64') } });

describe('decodeCloudWatchLogs', () => {
  it('decodes the corpus sample', async () => {
    expect(await decodeCloudWatchLogs(sample<CloudWatchLogsEvent>('CloudWatchLogsEvent/go-cloudwatch-logs-event.json'))).toEqual({
      messageType: 'DATA_MESSAGE',
      owner: '123456789123',
      logGroup: 'testLogGroup',
      logStream: 'testLogStream',
      subscriptionFilters: ['testFilter'],
      logEvents: [
        { id: 'eventId1', timestamp: 1440442987000, message: '[ERROR] First test message' },
        { id: 'eventId2', timestamp: 1440442987001, message: '[ERROR] Second test message' },
      ],
    });
  });

  it('decodes a payload larger than one stream chunk', async () => {
    const logEvents = Array.from({ length: 2000 }, (_, i) => ({ id: String(i), timestamp: i, message: `line ${i} ${'x'.repeat(100)}` }));
    const payload = { messageType: 'DATA_MESSAGE', owner: 'o', logGroup: 'g', logStream: 's', subscriptionFilters: [], logEvents };
    const decoded = await decodeCloudWatchLogs(wrap(gzipSync(JSON.stringify(payload))));
    expect(decoded.logEvents).toHaveLength(2000);
    expect(decoded.logEvents[1999]).toEqual(logEvents[1999]);
  });

  it('stops at maxBytes', async () => {
    const big = gzipSync(JSON.stringify({ logGroup: 'g', messageType: 'DATA_MESSAGE', logEvents: [], pad: 'x'.repeat(1_000_000) }));
    await expect(decodeCloudWatchLogs(wrap(big), { maxBytes: 64 * 1024 })).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED' });
  });

  it.each([
    ['not gzip', wrap('plain text, not gzip'), 'INVALID_GZIP'],
    ['truncated gzip', wrap(gzipSync('{"a":1}').subarray(0, 12)), 'INVALID_GZIP'],
    ['not base64', { awslogs: { data: '!!!' } }, 'INVALID_BASE64'],
    ['not JSON', wrap(gzipSync('nope')), 'INVALID_JSON'],
    ['not a logs payload', wrap(gzipSync('{"a":1}')), 'INVALID_BODY'],
  ])('rejects %s', async (_what, event, code) => {
    await expect(decodeCloudWatchLogs(event)).rejects.toMatchObject({ name: 'LambdaEventError', code, path: 'awslogs.data' });
  });

  it('parseCloudWatchLogsData reads an already gunzipped payload', () => {
    expect(parseCloudWatchLogsData('{"logGroup":"g","messageType":"CONTROL_MESSAGE","logEvents":[]}')).toEqual({
      logGroup: 'g',
      messageType: 'CONTROL_MESSAGE',
      logEvents: [],
    });
  });
});
