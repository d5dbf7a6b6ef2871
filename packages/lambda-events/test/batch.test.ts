import { describe, expect, it } from 'vitest';
import { batchItemFailures, itemIdentifier, LambdaEventError, processBatch } from '@tslambda/lambda-events';
import type { DynamoDBStreamEvent } from '@tslambda/lambda-events/dynamodb';
import type { KinesisStreamEvent } from '@tslambda/lambda-events/kinesis';
import type { SQSEvent } from '@tslambda/lambda-events/sqs';
import { sample } from './support/sample.js';

const sqs = sample<SQSEvent>('SQSEvent/go-sqs-event.json');
const kinesis = sample<KinesisStreamEvent>('KinesisStreamEvent/go-kinesis-event.json');
const dynamodb = sample<DynamoDBStreamEvent>('DynamoDBStreamEvent/go-dynamodb-event.json');

describe('itemIdentifier', () => {
  it('is the message id for SQS and the sequence number for streams', () => {
    expect(itemIdentifier(sqs.Records[0]!)).toBe('MessageID_1');
    expect(itemIdentifier(kinesis.Records[0]!)).toBe('49568167373333333333333333333333333333333333333333333333');
    expect(itemIdentifier(dynamodb.Records[0]!)).toBe('1405400000000002063282832');
  });

  it('throws LambdaEventError for a record of another kind', () => {
    expect(() => itemIdentifier({ dynamodb: {} })).toThrow(LambdaEventError);
  });
});

describe('batchItemFailures', () => {
  it('builds the response from records and ids, without duplicates, in order', () => {
    expect(batchItemFailures([sqs.Records[0]!, 'id2', 'MessageID_1', 'id4'])).toEqual({
      batchItemFailures: [{ itemIdentifier: 'MessageID_1' }, { itemIdentifier: 'id2' }, { itemIdentifier: 'id4' }],
    });
  });

  it('is empty when nothing failed', () => {
    expect(batchItemFailures([])).toEqual({ batchItemFailures: [] });
  });

  it('matches the corpus SQSBatchResponse sample', () => {
    expect(batchItemFailures(['id2', 'id4'])).toEqual(sample('SQSBatchResponse/rust-example-sqs-batch-response.json'));
  });
});

describe('processBatch', () => {
  const records = ['a', 'b', 'c', 'd'].map((messageId) => ({ messageId }));

  it('reports the records whose handler threw or rejected', async () => {
    const seen: string[] = [];
    const errors: string[] = [];
    const result = await processBatch(
      records,
      async (r) => {
        seen.push(r.messageId);
        if (r.messageId === 'b') throw new Error('boom');
        if (r.messageId === 'd') return Promise.reject(new Error('late'));
      },
      { onError: (e, r) => errors.push(`${(r as { messageId: string }).messageId}:${(e as Error).message}`) },
    );
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'b' }, { itemIdentifier: 'd' }] });
    expect(seen.sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(errors).toEqual(['b:boom', 'd:late']);
  });

  it('ordered: stops at the first failure and reports it and the rest', async () => {
    const seen: string[] = [];
    const result = await processBatch(
      records,
      (r) => {
        seen.push(r.messageId);
        if (r.messageId === 'b') throw new Error('boom');
      },
      { ordered: true },
    );
    expect(seen).toEqual(['a', 'b']);
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'b' }, { itemIdentifier: 'c' }, { itemIdentifier: 'd' }] });
  });

  it('succeeds with an empty response', async () => {
    expect(await processBatch(kinesis.Records, () => undefined)).toEqual({ batchItemFailures: [] });
  });
});
