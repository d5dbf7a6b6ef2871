import { field, isRecord } from '../internal/guard.js';
import type { VPCLatticeEvent, VPCLatticeEventV2 } from './types.js';

/**
 * A VPC Lattice request, event structure version 1 (`raw_path`, `method`).
 *
 * @example
 * ```ts
 * if (isVPCLatticeEvent(event)) console.log(event.method, event.raw_path);
 * ```
 */
export function isVPCLatticeEvent(x: unknown): x is VPCLatticeEvent {
  return isRecord(x) && typeof x.raw_path === 'string' && typeof x.method === 'string';
}

/** A VPC Lattice request, event structure version 2 (`requestContext.serviceNetworkArn`). */
export function isVPCLatticeEventV2(x: unknown): x is VPCLatticeEventV2 {
  return isRecord(x) && typeof x.method === 'string' && typeof field(x.requestContext, 'serviceNetworkArn') === 'string';
}
