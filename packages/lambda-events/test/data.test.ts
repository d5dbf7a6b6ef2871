import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LambdaEventError } from '@tslambda/lambda-events';
import { decodeFirehoseData, decodeFirehoseText, encodeFirehoseData, type FirehoseTransformationEvent, parseFirehoseData } from '@tslambda/lambda-events/firehose';
import { decodeKafkaHeaderBytes, decodeKafkaHeaders, decodeKafkaKey, decodeKafkaValue, type MSKEvent } from '@tslambda/lambda-events/kafka';
import { decodeKinesisData, decodeKinesisText, type KinesisStreamEvent, parseKinesisData } from '@tslambda/lambda-events/kinesis';
import { type ActiveMQEvent, decodeMQText, type RabbitMQEvent } from '@tslambda/lambda-events/mq';
import { sample } from './support/sample.js';

const kinesis = sample<KinesisStreamEvent>('KinesisStreamEvent/go-kinesis-event.json').Records[0]!;
const kinesisRecord = (data: string) => ({ kinesis: { ...kinesis.kinesis, data } });

describe('Kinesis data', () => {
  it('decodes the corpus sample', () => {
    expect(decodeKinesisData(kinesis)).toEqual(new Uint8Array([72, 101, 108, 108, 111, 32, 87, 111, 114, 108, 100]));
    expect(decodeKinesisText(kinesis)).toBe('Hello World');
  });

  it('parses JSON data, optionally checked', () => {
    const r = kinesisRecord('eyJpZCI6NDIsInRhZ3MiOlsiYSJdfQ=='); // {"id":42,"tags":["a"]}
    expect(parseKinesisData(r)).toEqual({ id: 42, tags: ['a'] });
    expect(() => parseKinesisData(r, (v): v is string => typeof v === 'string')).toThrow(expect.objectContaining({ code: 'INVALID_BODY' }));
    expect(() => parseKinesisData(kinesis)).toThrow(expect.objectContaining({ code: 'INVALID_JSON', path: 'kinesis.data' }));
  });

  it.each(['SGVsbG8gV29ybGQ', 'SGVsbG8gV29ybGQ=', 'SGk', 'SGk=', ''])('accepts %j with or without padding', (b64) => {
    expect(decodeKinesisData(kinesisRecord(b64))).toEqual(new Uint8Array(Buffer.from(b64, 'base64')));
  });

  it.each(['S', 'SGVsbG8@', 'SGk==', 'SG=k', 'SGVsbG8gV29ybGQ==='])('rejects malformed base64 %j', (b64) => {
    expect(() => decodeKinesisData(kinesisRecord(b64))).toThrow(expect.objectContaining({ name: 'LambdaEventError', code: 'INVALID_BASE64' }));
  });

  it('rejects data that is not UTF-8 as text', () => {
    expect(() => decodeKinesisText(kinesisRecord('/w=='))).toThrow(expect.objectContaining({ code: 'INVALID_BODY' }));
  });

  it('malformed base64 only ever throws LambdaEventError (property-based)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 24 }), (text) => {
        try {
          const bytes = decodeFirehoseData({ data: text });
          // Accepted input is real base64: Node decodes it to the same bytes.
          expect(bytes).toEqual(new Uint8Array(Buffer.from(text, 'base64')));
        } catch (e) {
          expect(e).toBeInstanceOf(LambdaEventError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('base64 agrees with Node for any bytes (property-based)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const b64 = Buffer.from(bytes).toString('base64');
        expect(encodeFirehoseData(bytes)).toBe(b64);
        expect(decodeFirehoseData({ data: b64 })).toEqual(bytes);
      }),
      { numRuns: 300 },
    );
  });
});

describe('Firehose data', () => {
  const event = sample<FirehoseTransformationEvent>('FirehoseTransformationEvent/go-kinesis-firehose-event.json');

  it('decodes and re-encodes records', () => {
    expect(decodeFirehoseText(event.records[0]!)).toBe('Hello World');
    expect(encodeFirehoseData('Hello World')).toBe('SGVsbG8gV29ybGQ=');
    expect(encodeFirehoseData('héllo €')).toBe('aMOpbGxvIOKCrA==');
    expect(parseFirehoseData({ data: encodeFirehoseData('{"a":[1,2]}') })).toEqual({ a: [1, 2] });
  });

  it('rejects a value that is neither text nor bytes', () => {
    expect(() => encodeFirehoseData(42 as unknown as string)).toThrow(LambdaEventError);
  });
});

describe('Kafka records', () => {
  const record = Object.values(sample<MSKEvent>('MSKEvent/go-kafka-event.json').records)[0]![0]!;

  it('decodes key, value and header bytes of the corpus sample', () => {
    expect(decodeKafkaKey(record)).toBe('8d5596b4-1813-4238-b24b-6dad8e3d1c0c');
    expect(decodeKafkaValue(record)).toBe('8d5596b4-1813-4238-b24b-6dad8e3d1c0c');
    // Lambda sends Java's signed bytes: -36 is 0xdc, -128 is 0x80.
    expect(decodeKafkaHeaderBytes(record)).toEqual({ headerKey: [new Uint8Array([0x76, 0xdc, 0x00, 0x7f, 0x80])] });
    expect(() => decodeKafkaHeaders(record)).toThrow(expect.objectContaining({ code: 'INVALID_BODY' }));
  });

  it('decodes text headers, keeping repeated names', () => {
    expect(decodeKafkaHeaders({ headers: [{ k: [118, 49] }, { k: [118, 50] }, { other: [] }] })).toEqual({ k: ['v1', 'v2'], other: [''] });
  });

  it('returns null for a tombstone and a missing key', () => {
    expect(decodeKafkaValue({ value: null })).toBeNull();
    expect(decodeKafkaKey({})).toBeNull();
  });
});

describe('Amazon MQ data', () => {
  it('decodes ActiveMQ and RabbitMQ message bodies', () => {
    expect(decodeMQText(sample<ActiveMQEvent>('ActiveMQEvent/go-activemq-event.json').messages[0]!)).toBe(
      'Enter some text here for the message body...',
    );
    const rmq = sample<RabbitMQEvent>('RabbitMQEvent/go-rabbitmq-event.json');
    expect(decodeMQText(rmq.rmqMessagesByQueue['test::/']![0]!)).toBe('{"timeout":0,"data":"CZrmf0Gw8Ov4bqLQxD4E"}');
  });
});
