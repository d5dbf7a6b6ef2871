import type { Handler, LambdaContext } from '../handler.js';

/** Schema registry metadata of a key or value. */
export interface KafkaSchemaMetadata {
  dataFormat: string;
  schemaId: string;
}

/** One Kafka record. `key` and `value` are base64; header values are byte arrays (Java's signed bytes). */
export interface KafkaRecord {
  topic: string;
  partition: number;
  offset: number;
  timestamp: number;
  timestampType: 'CREATE_TIME' | 'LOG_APPEND_TIME' | 'NO_TIMESTAMP_TYPE';
  /** Absent or null for a record without a key. */
  key?: string | null;
  /** null for a tombstone. */
  value: string | null;
  headers: Array<{ [name: string]: number[] }>;
  keySchemaMetadata?: KafkaSchemaMetadata;
  valueSchemaMetadata?: KafkaSchemaMetadata;
}

/**
 * An Amazon MSK batch, records grouped by "topic-partition".
 *
 * @example
 * ```ts
 * import { decodeKafkaValue, type MSKHandler } from '@tslambda/lambda-events/kafka';
 * export const handler: MSKHandler = async (event) => {
 *   for (const records of Object.values(event.records)) for (const r of records) console.log(decodeKafkaValue(r));
 * };
 * ```
 */
export interface MSKEvent {
  eventSource: string;
  eventSourceArn: string;
  bootstrapServers: string;
  records: { [topicPartition: string]: KafkaRecord[] };
}

/** A self-managed Apache Kafka batch (`eventSource` "SelfManagedKafka", no ARN). */
export interface SelfManagedKafkaEvent {
  eventSource: string;
  bootstrapServers: string;
  records: { [topicPartition: string]: KafkaRecord[] };
}

export type MSKHandler<TContext = LambdaContext> = Handler<MSKEvent, void, TContext>;
export type SelfManagedKafkaHandler<TContext = LambdaContext> = Handler<SelfManagedKafkaEvent, void, TContext>;
