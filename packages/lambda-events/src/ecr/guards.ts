import { isEventFrom } from '../eventbridge/guards.js';
import type { ECRImageActionEvent, ECRImageScanEvent } from './types.js';

/**
 * An ECR image push/delete: `source` "aws.ecr", `detail-type` "ECR Image Action".
 *
 * @example
 * ```ts
 * if (isECRImageActionEvent(event)) console.log(event.detail['image-digest']);
 * ```
 */
export function isECRImageActionEvent(x: unknown): x is ECRImageActionEvent {
  return isEventFrom(x, 'aws.ecr', (d) => d === 'ECR Image Action');
}

/** An ECR image scan result: `detail-type` "ECR Image Scan". */
export function isECRImageScanEvent(x: unknown): x is ECRImageScanEvent {
  return isEventFrom(x, 'aws.ecr', (d) => d === 'ECR Image Scan');
}
