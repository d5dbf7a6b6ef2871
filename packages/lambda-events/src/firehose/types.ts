import type { Handler, LambdaContext } from '../handler.js';

export interface FirehoseRecordMetadata {
  shardId: string;
  partitionKey: string;
  approximateArrivalTimestamp: number;
  sequenceNumber: string;
  subsequenceNumber: number | string;
}

export interface FirehoseTransformationEventRecord {
  recordId: string;
  approximateArrivalTimestamp: number;
  /** Base64 of the record's bytes: `decodeFirehoseData(record)`. */
  data: string;
  /** Present when the delivery stream reads from a Kinesis data stream. */
  kinesisRecordMetadata?: FirehoseRecordMetadata;
}

/**
 * A Data Firehose record transformation request.
 *
 * @example
 * ```ts
 * import { decodeFirehoseText, encodeFirehoseData, type FirehoseTransformationHandler } from '@tslambda/lambda-events/firehose';
 * export const handler: FirehoseTransformationHandler = async (event) => ({
 *   records: event.records.map((r) => ({ recordId: r.recordId, result: 'Ok', data: encodeFirehoseData(decodeFirehoseText(r).toUpperCase()) })),
 * });
 * ```
 */
export interface FirehoseTransformationEvent {
  invocationId: string;
  deliveryStreamArn: string;
  sourceKinesisStreamArn?: string;
  region: string;
  records: FirehoseTransformationEventRecord[];
}

export type FirehoseRecordTransformationStatus = 'Ok' | 'Dropped' | 'ProcessingFailed';

/** Metadata of a transformed record: dynamic partitioning keys, Iceberg table routing. */
export interface FirehoseTransformationResultRecordMetadata {
  partitionKeys?: Record<string, string>;
  otfMetadata?: {
    destinationDatabaseName: string;
    destinationTableName: string;
    operation: string;
  };
}

export interface FirehoseTransformationResultRecord {
  recordId: string;
  result: FirehoseRecordTransformationStatus;
  /** Base64 of the transformed bytes (omitted for dropped records). */
  data?: string;
  metadata?: FirehoseTransformationResultRecordMetadata;
}

export interface FirehoseTransformationResult {
  records: FirehoseTransformationResultRecord[];
}

export type FirehoseTransformationHandler<TContext = LambdaContext> = Handler<
  FirehoseTransformationEvent,
  FirehoseTransformationResult,
  TContext
>;
