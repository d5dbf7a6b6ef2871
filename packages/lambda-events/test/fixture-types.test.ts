import { beforeAll, describe, expect, it } from 'vitest';
import { type Fixture, fixturesDir, loadAllFixtures, ownSamplesDir } from './support/fixtures.js';
import { typecheckFixtures } from './support/typecheck.js';

// Every sample of the corpus, patched, must type-check as a fresh object
// literal `satisfies <FolderName>` under strict: a missing required field, an
// unknown field, a wrong literal or an unexpected null all fail.
const fixtures = loadAllFixtures();

// Mutations of a known-good sample that must fail, compiled in the same program
// so the check itself is shown to be able to fail.
const sqs = fixtures.find((f) => f.folder === 'SQSEvent')!;
const sqsRecord = (sqs.value as { Records: Array<Record<string, unknown>> }).Records[0]!;
const negatives: Array<[string, Fixture]> = [
  ['an unknown field', { ...sqs, value: { ...(sqs.value as object), unknownField: 1 } }],
  ['a missing required field', { ...sqs, value: { Records: [{ ...sqsRecord, messageId: undefined }] } }],
  ['a null where none is allowed', { ...sqs, value: { Records: [{ ...sqsRecord, body: null }] } }],
  ['a literal outside a closed set', { ...sqs, folder: 'SQSBatchResponse', value: { batchItemFailures: [{ itemIdentifier: 1 }] } }],
  ['a type the package does not export', { ...sqs, folder: 'NoSuchEventType' }],
].map(([what, f]) => [what as string, { ...(f as Fixture), value: JSON.parse(JSON.stringify((f as Fixture).value)) }]);

let result: ReturnType<typeof typecheckFixtures>;
beforeAll(() => {
  result = typecheckFixtures([...fixtures, ...negatives.map(([, f]) => f)]);
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
  it.each(negatives.map(([what], i) => [what, fixtures.length + i] as const))('rejects %s', (_what, i) => {
    expect(result.perFixture[i]!.length).toBeGreaterThan(0);
  });
});
