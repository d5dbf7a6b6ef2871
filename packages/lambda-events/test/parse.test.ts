import { describe, expect, it } from 'vitest';
import { LambdaEventError } from '@tslambda/lambda-events';
import { type SNSEvent, parseMessage } from '@tslambda/lambda-events/sns';
import { parseBody, type SQSEvent, type SQSRecord } from '@tslambda/lambda-events/sqs';
import { sample } from './support/sample.js';

interface Order {
  orderId: string;
  qty: number;
}
const isOrder = (v: unknown): v is Order =>
  typeof v === 'object' && v !== null && typeof (v as Order).orderId === 'string' && typeof (v as Order).qty === 'number';

function record(body: string): SQSRecord<Order> {
  const base = sample<SQSEvent>('SQSEvent/go-sqs-event.json').Records[0]!;
  return { ...base, body };
}

describe('parseBody', () => {
  it('parses a typed JSON body (T inferred from SQSRecord<Order>)', () => {
    const order = parseBody(record('{"orderId":"o-1","qty":3}'));
    const qty: number = order.qty;
    expect(order).toEqual({ orderId: 'o-1', qty: 3 });
    expect(qty).toBe(3);
  });

  it('checks with a guard', () => {
    expect(parseBody(record('{"orderId":"o-2","qty":1}'), isOrder)).toEqual({ orderId: 'o-2', qty: 1 });
    const e = (() => {
      try {
        parseBody(record('{"orderId":2}'), isOrder);
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(LambdaEventError);
    expect(e).toMatchObject({ name: 'LambdaEventError', code: 'INVALID_BODY', path: 'body' });
  });

  it('throws INVALID_JSON for a body that is not JSON (the corpus sample body)', () => {
    const base = sample<SQSEvent>('SQSEvent/go-sqs-event.json').Records[0]!;
    expect(base.body).toBe('Message Body');
    expect(() => parseBody(base)).toThrow(expect.objectContaining({ code: 'INVALID_JSON', path: 'body' }));
  });
});

describe('parseMessage', () => {
  it('parses the JSON Message of an SNS notification', () => {
    const event = sample<SNSEvent<{ foo: string; bar: number }>>('SNSEvent/rust-example-sns-event-obj.json');
    expect(parseMessage(event.Records[0]!.Sns)).toEqual({ foo: 'Hello world!', bar: 123 });
  });
});
