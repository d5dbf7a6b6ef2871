import { describe, expect, it } from 'vitest';
import {
  unwrapEventBridgeFromSQS,
  unwrapS3FromEventBridge,
  unwrapS3FromSNS,
  unwrapS3FromSQS,
  unwrapSNSFromSQS,
} from '@tslambda/lambda-events/envelopes';
import { type S3Event, s3ObjectKey } from '@tslambda/lambda-events/s3';
import { sample } from './support/sample.js';

const s3Event = sample<S3Event>('S3Event/go-s3-event.json');
const snsBody = (message: string) =>
  JSON.stringify({
    Type: 'Notification',
    MessageId: '2f6b8e3a-0000-4a1b-9c2d-1234567890ab',
    TopicArn: 'arn:aws:sns:us-east-1:123456789012:uploads',
    Subject: 'Amazon S3 Notification',
    Message: message,
    Timestamp: '2024-05-01T12:00:00.000Z',
    SignatureVersion: '1',
    Signature: 'c2ln',
    SigningCertURL: 'https://sns.us-east-1.amazonaws.com/cert.pem',
    UnsubscribeURL: 'https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe',
  });

describe('SNS inside SQS', () => {
  it('returns the notification', () => {
    const n = unwrapSNSFromSQS({ body: snsBody('hello') });
    expect(n).toMatchObject({ Type: 'Notification', TopicArn: 'arn:aws:sns:us-east-1:123456789012:uploads', Message: 'hello', Subject: 'Amazon S3 Notification' });
  });

  it('rejects a raw message delivery body', () => {
    expect(() => unwrapSNSFromSQS({ body: '{"orderId":1}' })).toThrow(expect.objectContaining({ code: 'NOT_AN_ENVELOPE', path: 'body' }));
    expect(() => unwrapSNSFromSQS({ body: 'plain' })).toThrow(expect.objectContaining({ code: 'INVALID_JSON' }));
  });
});

describe('S3 inside SQS / SNS', () => {
  it('S3 → SQS', () => {
    const records = unwrapS3FromSQS({ body: JSON.stringify(s3Event) });
    expect(records).toHaveLength(1);
    expect(records[0]!.s3.bucket.name).toBe('sourcebucket');
    expect(s3ObjectKey(records[0]!)).toBe('Happy Face.jpg');
  });

  it('S3 → SNS → SQS', () => {
    const records = unwrapS3FromSQS({ body: snsBody(JSON.stringify(s3Event)) });
    expect(records.map((r) => r.s3.object.key)).toEqual(['Happy%20Face.jpg']);
  });

  it('S3 → SNS → Lambda', () => {
    expect(unwrapS3FromSNS({ Message: JSON.stringify(s3Event) }).map((r) => r.eventName)).toEqual(['ObjectCreated:Put']);
  });

  it('the s3:TestEvent yields no records', () => {
    const test = { Service: 'Amazon S3', Event: 's3:TestEvent', Time: '2024-05-01T12:00:00.000Z', Bucket: 'b', RequestId: 'r', HostId: 'h' };
    expect(unwrapS3FromSQS({ body: JSON.stringify(test) })).toEqual([]);
  });

  it('rejects other bodies', () => {
    expect(() => unwrapS3FromSQS({ body: '{"Records":[{"eventSource":"aws:sqs"}]}' })).toThrow(expect.objectContaining({ code: 'NOT_AN_ENVELOPE', path: 'body' }));
    expect(() => unwrapS3FromSQS({ body: snsBody('{"x":1}') })).toThrow(expect.objectContaining({ code: 'NOT_AN_ENVELOPE', path: 'body.Message' }));
  });
});

describe('S3 via EventBridge', () => {
  const event = {
    version: '0',
    id: 'f5f1e65c-dc3a-93ca-6c1e-b1647eac7963',
    'detail-type': 'Object Created',
    source: 'aws.s3',
    account: '123456789012',
    time: '2023-03-08T17:50:14Z',
    region: 'eu-west-1',
    resources: ['arn:aws:s3:::example-bucket'],
    detail: {
      version: '0',
      bucket: { name: 'example-bucket' },
      object: { key: 'IMG_m7fzo3.jpg', size: 184662, etag: '4e68adba0abe2dc8653dc3354e14c01d', sequencer: '006408CAD69598B05E' },
      'request-id': '57H08PA84AB1JZW0',
      requester: '123456789012',
      'source-ip-address': '34.252.34.74',
      reason: 'PutObject',
    },
  };

  it('returns the detail', () => {
    const d = unwrapS3FromEventBridge(event);
    expect(d.bucket.name).toBe('example-bucket');
    expect(d.object).toEqual({ key: 'IMG_m7fzo3.jpg', size: 184662, etag: '4e68adba0abe2dc8653dc3354e14c01d', sequencer: '006408CAD69598B05E' });
  });

  it('rejects events from other sources', () => {
    expect(() => unwrapS3FromEventBridge(sample('ScheduledEvent/rust-example-eventbridge-schedule.json'))).toThrow(
      expect.objectContaining({ code: 'NOT_AN_ENVELOPE' }),
    );
    expect(() => unwrapS3FromEventBridge({ ...event, detail: {} })).toThrow(expect.objectContaining({ code: 'NOT_AN_ENVELOPE', path: 'detail' }));
  });

  it('EventBridge → SQS', () => {
    const e = unwrapEventBridgeFromSQS<'Object Created', typeof event.detail>({ body: JSON.stringify(event) });
    expect(e.detail.object.key).toBe('IMG_m7fzo3.jpg');
    expect(() => unwrapEventBridgeFromSQS({ body: '{}' })).toThrow(expect.objectContaining({ code: 'NOT_AN_ENVELOPE' }));
  });
});
