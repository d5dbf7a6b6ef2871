import type { Handler, LambdaContext } from '../handler.js';

export interface S3EventRecordGlacierRestoreEventData {
  lifecycleRestorationExpiryTime: string;
  lifecycleRestoreStorageClass: string;
}
export interface S3EventRecordGlacierEventData {
  restoreEventData: S3EventRecordGlacierRestoreEventData;
}

/** `replicationEventData` of an `s3:Replication:*` notification. */
export interface S3EventRecordReplicationEventData {
  replicationRuleId: string;
  destinationBucket: string;
  s3Operation: string;
  requestTime: string;
  failureReason?: string;
  threshold?: string;
  replicationTime?: string;
}

/** `lifecycleEventData` of an `s3:LifecycleTransition` notification. */
export interface S3EventRecordLifecycleEventData {
  transitionEventData: {
    destinationStorageClass: string;
  };
}

/** `intelligentTieringEventData` of an `s3:IntelligentTiering` notification. */
export interface S3EventRecordIntelligentTieringEventData {
  destinationAccessTier: string;
}

/** The object of a notification. `size` and `eTag` are absent for deletions. */
export interface S3EventRecordObject {
  /** URL-encoded, with `+` for spaces: use `s3ObjectKey(record)` for the real key. */
  key: string;
  size?: number;
  eTag?: string;
  versionId?: string;
  sequencer: string;
}

/** One S3 event notification record. */
export interface S3EventRecord {
  eventVersion: string;
  eventSource: string;
  awsRegion: string;
  eventTime: string;
  eventName: string;
  userIdentity: {
    principalId: string;
  };
  requestParameters: {
    sourceIPAddress: string;
  };
  responseElements: {
    'x-amz-request-id': string;
    'x-amz-id-2': string;
  };
  s3: {
    s3SchemaVersion: string;
    configurationId: string;
    bucket: {
      name: string;
      ownerIdentity: {
        principalId: string;
      };
      arn: string;
    };
    object: S3EventRecordObject;
  };
  glacierEventData?: S3EventRecordGlacierEventData;
  replicationEventData?: S3EventRecordReplicationEventData;
  lifecycleEventData?: S3EventRecordLifecycleEventData;
  intelligentTieringEventData?: S3EventRecordIntelligentTieringEventData;
}

/**
 * An S3 event notification (object created/removed/restored, lifecycle,
 * replication, Intelligent-Tiering...).
 *
 * @example
 * ```ts
 * import { s3ObjectKey, type S3Handler } from '@tslambda/lambda-events/s3';
 * export const handler: S3Handler = async (event) => {
 *   for (const record of event.Records) console.log(record.s3.bucket.name, s3ObjectKey(record));
 * };
 * ```
 */
export interface S3Event {
  Records: S3EventRecord[];
}

export type S3Handler<TContext = LambdaContext> = Handler<S3Event, void, TContext>;

/** One task of an S3 Batch Operations job. Schema 1.0 names the bucket by ARN, 2.0 by name. */
export interface S3BatchEventTask {
  taskId: string;
  s3Key: string;
  s3VersionId: string | null;
  s3BucketArn?: string;
  s3Bucket?: string;
}

export interface S3BatchEventJob {
  id: string;
  /** Schema 2.0: the job's user arguments. */
  userArguments?: Record<string, string>;
}

/** An S3 Batch Operations "Invoke AWS Lambda function" request. */
export interface S3BatchEvent {
  invocationSchemaVersion: string;
  invocationId: string;
  job: S3BatchEventJob;
  tasks: S3BatchEventTask[];
}

export type S3BatchResultResultCode = 'Succeeded' | 'TemporaryFailure' | 'PermanentFailure';

export interface S3BatchResultResult {
  taskId: string;
  resultCode: S3BatchResultResultCode;
  resultString?: string | null;
}

/** The response to an S3 Batch Operations request. */
export interface S3BatchResult {
  invocationSchemaVersion: string;
  treatMissingKeysAs: S3BatchResultResultCode;
  invocationId: string;
  results: S3BatchResultResult[];
}

export type S3BatchHandler<TContext = LambdaContext> = Handler<S3BatchEvent, S3BatchResult, TContext>;

/** The identity of the caller of an S3 Object Lambda access point. */
export interface S3ObjectLambdaUserIdentity {
  type: string;
  principalId: string;
  arn: string;
  accountId: string;
  accessKeyId?: string;
  sessionContext?: {
    attributes: {
      mfaAuthenticated: string;
      creationDate: string;
    };
    sessionIssuer?: {
      type: string;
      principalId: string;
      arn: string;
      accountId: string;
      userName: string;
    };
  };
}

/**
 * An S3 Object Lambda access point request. Exactly one of the `*Context`
 * fields is present, naming the S3 operation.
 */
export interface S3ObjectLambdaEvent {
  xAmzRequestId: string;
  getObjectContext?: {
    inputS3Url: string;
    outputRoute: string;
    outputToken: string;
  };
  headObjectContext?: {
    inputS3Url: string;
  };
  listObjectsContext?: {
    inputS3Url: string;
  };
  listObjectsV2Context?: {
    inputS3Url: string;
  };
  configuration: {
    accessPointArn: string;
    supportingAccessPointArn: string;
    payload: string;
  };
  userRequest: {
    url: string;
    headers: Record<string, string>;
  };
  userIdentity: S3ObjectLambdaUserIdentity;
  protocolVersion: string;
}

/** GetObject requests answer with WriteGetObjectResponse; HeadObject and ListObjects* return their result. */
export type S3ObjectLambdaHandler<TContext = LambdaContext> = Handler<S3ObjectLambdaEvent, unknown, TContext>;
