import type { EventBridgeEvent } from '../eventbridge/types.js';
import type { Handler, LambdaContext } from '../handler.js';

/** `detail` of an "ECR Image Action" event (push or delete). */
export interface ECRImageActionEventDetail {
  result: 'SUCCESS' | 'FAILURE';
  'repository-name': string;
  'image-digest': string;
  'action-type': 'PUSH' | 'DELETE';
  'image-tag'?: string;
  'manifest-media-type'?: string;
  'artifact-media-type'?: string;
}
export type ECRImageActionEvent = EventBridgeEvent<'ECR Image Action', ECRImageActionEventDetail>;

/** Finding counts by severity; severities without findings are left out. */
export interface ECRImageScanFindingsSeverityCounts {
  CRITICAL?: number;
  HIGH?: number;
  MEDIUM?: number;
  LOW?: number;
  INFORMATIONAL?: number;
  UNDEFINED?: number;
}

/** `detail` of an "ECR Image Scan" event (basic scanning). */
export interface ECRImageScanEventDetail {
  'scan-status': string;
  'repository-name': string;
  'finding-severity-counts'?: ECRImageScanFindingsSeverityCounts;
  'image-digest': string;
  'image-tags': string[];
}
export type ECRImageScanEvent = EventBridgeEvent<'ECR Image Scan', ECRImageScanEventDetail>;

export type ECRImageActionHandler<TContext = LambdaContext> = Handler<ECRImageActionEvent, void, TContext>;
export type ECRImageScanHandler<TContext = LambdaContext> = Handler<ECRImageScanEvent, void, TContext>;
