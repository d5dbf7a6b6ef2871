import { beforeAll, describe, expect, it } from 'vitest';
import { type Fixture, fixturesDir, loadAllFixtures, ownSamplesDir } from './support/fixtures.js';
import { typecheckFixtures } from './support/typecheck.js';

// Every sample of the corpus, patched, must type-check as a fresh object
// literal `satisfies <FolderName>` under strict: a missing required field, an
// unknown field, a wrong literal or an unexpected null all fail.
const fixtures = loadAllFixtures();

// A known-good SQS event and mutations of it that must fail, compiled in the
// same program so the check itself is shown to be able to fail.
const sqsRecord = {
  messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
  receiptHandle: 'AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a...',
  body: 'Test message.',
  attributes: {
    ApproximateReceiveCount: '1',
    SentTimestamp: '1545082649183',
    SenderId: 'AIDAIENQZJOLO23YVJ4VO',
    ApproximateFirstReceiveTimestamp: '1545082649185',
  },
  messageAttributes: {},
  md5OfBody: 'e4e68fb7bd0e697a0ae8f1bb342846b3',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:us-east-2:123456789012:my-queue',
  awsRegion: 'us-east-2',
};
const sqs: Fixture = { folder: 'SQSEvent', file: 'inline.json', role: 'event', value: { Records: [sqsRecord] }, patched: false };
const control: Fixture[] = [sqs];
const negatives: Array<[string, Fixture]> = [
  ['an unknown field', { ...sqs, value: { Records: [sqsRecord], unknownField: 1 } }],
  ['a missing required field', { ...sqs, value: { Records: [{ ...sqsRecord, messageId: undefined }] } }],
  ['a null where none is allowed', { ...sqs, value: { Records: [{ ...sqsRecord, body: null }] } }],
  ['a wrong type', { ...sqs, folder: 'SQSBatchResponse', value: { batchItemFailures: [{ itemIdentifier: 1 }] } }],
  ['a literal outside a closed set', { ...sqs, folder: 'SecretsManagerRotationEvent', value: { Step: 'rotate', SecretId: 's', ClientRequestToken: 't' } }],
  ['a type the package does not export', { ...sqs, folder: 'NoSuchEventType' }],
].map(([what, f]) => [what as string, { ...(f as Fixture), value: JSON.parse(JSON.stringify((f as Fixture).value)) }]);

let result: ReturnType<typeof typecheckFixtures>;
beforeAll(() => {
  result = typecheckFixtures([...fixtures, ...control, ...negatives.map(([, f]) => f)]);
});

describe(`fixtures in ${fixturesDir} and ${ownSamplesDir} satisfy the type named by their folder`, () => {
  it('the package itself compiles in the check program', () => {
    expect(result.other).toEqual([]);
  });

  it.each(fixtures.map((f, i) => [`${f.folder}/${f.file}`, i] as const))('%s', (_name, i) => {
    expect(result.perFixture[i]).toEqual([]);
  });
});

describe('the check can fail', () => {
  it('accepts the unmutated control sample', () => {
    expect(result.perFixture[fixtures.length]).toEqual([]);
  });

  it.each(negatives.map(([what], i) => [what, fixtures.length + control.length + i] as const))('rejects %s', (_what, i) => {
    expect(result.perFixture[i]!.length).toBeGreaterThan(0);
  });
});
