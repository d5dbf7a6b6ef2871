import type { Handler, LambdaContext } from '../handler.js';

export interface KinesisAnalyticsOutputDeliveryEventRecord {
  recordId: string;
  /** Base64 of the output row. */
  data: string;
  lambdaDeliveryRecordMetadata?: {
    retryHint: number;
  };
}

/** A Kinesis Data Analytics (SQL) application delivering output rows to a Lambda destination. */
export interface KinesisAnalyticsOutputDeliveryEvent {
  invocationId: string;
  applicationArn: string;
  records: KinesisAnalyticsOutputDeliveryEventRecord[];
}

export interface KinesisAnalyticsOutputDeliveryResultRecord {
  recordId: string;
  result: 'Ok' | 'DeliveryFailed';
}

export interface KinesisAnalyticsOutputDeliveryResult {
  records: KinesisAnalyticsOutputDeliveryResultRecord[];
}

export type KinesisAnalyticsOutputDeliveryHandler<TContext = LambdaContext> = Handler<
  KinesisAnalyticsOutputDeliveryEvent,
  KinesisAnalyticsOutputDeliveryResult,
  TContext
>;
