import { LambdaEventError } from '../errors.js';
import type { BatchRecord, BatchResponse } from './types.js';

/**
 * The identifier Lambda expects for a record in `batchItemFailures`: the
 * message id (SQS) or the sequence number (Kinesis, DynamoDB Streams).
 *
 * @example
 * ```ts
 * itemIdentifier(sqsRecord); // "059f36b4-87a3-44ab-83d2-661975830a7d"
 * ```
 */
export function itemIdentifier(record: BatchRecord): string {
  if ('messageId' in record && typeof record.messageId === 'string') return record.messageId;
  if ('kinesis' in record && typeof record.kinesis?.sequenceNumber === 'string') return record.kinesis.sequenceNumber;
  if ('dynamodb' in record && typeof record.dynamodb?.SequenceNumber === 'string') return record.dynamodb.SequenceNumber;
  throw new LambdaEventError('UNSUPPORTED_VALUE', 'record has no messageId, kinesis.sequenceNumber or dynamodb.SequenceNumber');
}

/**
 * Builds a partial batch response from failed records or identifiers (an
 * empty list means the whole batch succeeded). Duplicates are dropped, order kept.
 *
 * @example
 * ```ts
 * return batchItemFailures(failed); // { batchItemFailures: [{ itemIdentifier: "id2" }] }
 * ```
 */
export function batchItemFailures(failed: Iterable<BatchRecord | string>): BatchResponse {
  const seen = new Set<string>();
  for (const item of failed) seen.add(typeof item === 'string' ? item : itemIdentifier(item));
  return { batchItemFailures: [...seen].map((itemIdentifier) => ({ itemIdentifier })) };
}

/** Options of {@link processBatch}. */
export interface ProcessBatchOptions {
  /**
   * Process one record at a time and, at the first failure, report that
   * record and every later one as failed. Needed for SQS FIFO queues and
   * streams, where order matters. Default false: all records run concurrently.
   */
  ordered?: boolean;
  /** Called with each failure (for logging). */
  onError?: (error: unknown, record: BatchRecord) => void;
}

/**
 * Runs `fn` on each record and returns the partial batch response listing
 * the records whose `fn` threw or rejected.
 *
 * @example
 * ```ts
 * export const handler: SQSHandler = (event) => processBatch(event.Records, async (r) => save(parseBody(r)));
 * ```
 */
export async function processBatch<R extends BatchRecord>(
  records: readonly R[],
  fn: (record: R) => unknown,
  options: ProcessBatchOptions = {},
): Promise<BatchResponse> {
  const failed: R[] = [];
  if (options.ordered) {
    for (let i = 0; i < records.length; i++) {
      const record = records[i] as R;
      try {
        await fn(record);
      } catch (error) {
        options.onError?.(error, record);
        failed.push(...records.slice(i));
        break;
      }
    }
  } else {
    const results = await Promise.allSettled(records.map(async (r) => fn(r)));
    results.forEach((result, i) => {
      if (result.status === 'rejected') {
        options.onError?.(result.reason, records[i] as R);
        failed.push(records[i] as R);
      }
    });
  }
  return batchItemFailures(failed);
}
