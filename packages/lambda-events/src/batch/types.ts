/** One failed item of a partial batch response: an SQS message id or a stream sequence number. */
export interface BatchItemFailure {
  itemIdentifier: string;
}

/** A partial batch response (`ReportBatchItemFailures`) for SQS, Kinesis or DynamoDB Streams. */
export interface BatchResponse {
  batchItemFailures: BatchItemFailure[];
}

/** A record of a source with partial batch responses: SQS, Kinesis or DynamoDB Streams. */
export type BatchRecord =
  | { messageId: string }
  | { kinesis: { sequenceNumber: string } }
  | { dynamodb?: { SequenceNumber?: string } | undefined };
