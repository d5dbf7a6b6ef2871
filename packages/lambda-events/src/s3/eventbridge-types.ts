import type { EventBridgeEvent } from '../eventbridge/types.js';

/** `detail` of an S3 event delivered by EventBridge ("Object Created", "Object Deleted", ...). */
export interface S3EventBridgeDetail {
  version: string;
  bucket: {
    name: string;
  };
  object: {
    key: string;
    size?: number;
    etag?: string;
    'version-id'?: string;
    sequencer?: string;
  };
  'request-id': string;
  requester: string;
  'source-ip-address'?: string;
  reason?: string;
  'deletion-type'?: string;
  'restore-expiry-time'?: string;
  'source-storage-class'?: string;
  'destination-storage-class'?: string;
  'destination-access-tier'?: string;
}

/** An S3 event delivered by EventBridge (`source` "aws.s3"). */
export type S3EventBridgeEvent = EventBridgeEvent<string, S3EventBridgeDetail>;
