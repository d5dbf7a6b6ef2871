import { describe, expect, it } from 'vitest';
import { decodeS3Key, type S3Event, s3ObjectKey } from '@tslambda/lambda-events/s3';
import { sample } from './support/sample.js';

describe('s3ObjectKey', () => {
  it('decodes the key of the corpus sample', () => {
    const event = sample<S3Event>('S3Event/go-s3-event.json');
    expect(event.Records[0]!.s3.object.key).toBe('Happy%20Face.jpg');
    expect(s3ObjectKey(event.Records[0]!)).toBe('Happy Face.jpg');
  });

  it.each([
    ['Happy+Face.jpg', 'Happy Face.jpg'],
    ['a%2Bb.txt', 'a+b.txt'],
    ['dir%2Fsub%2Ffile', 'dir/sub/file'],
    ['dir/sub/file', 'dir/sub/file'],
    ['%E2%82%AC+100%25', '€ 100%'],
    ['glacier%2Dtest.txt', 'glacier-test.txt'],
    ['%F0%9F%98%80.png', '😀.png'],
    ['', ''],
  ])('%j → %j', (encoded, decoded) => {
    expect(decodeS3Key(encoded)).toBe(decoded);
    expect(s3ObjectKey({ s3: { object: { key: encoded } } })).toBe(decoded);
  });

  it('throws URIError on a malformed escape', () => {
    expect(() => decodeS3Key('%E0%A4%A')).toThrow(URIError);
    expect(() => decodeS3Key('100%')).toThrow(URIError);
  });
});
