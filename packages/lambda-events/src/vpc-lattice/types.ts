import type { Handler, LambdaContext } from '../handler.js';

/**
 * A VPC Lattice request to a Lambda target, event structure version 1
 * (snake_case keys, one value per header and query parameter).
 *
 * @example
 * ```ts
 * import type { VPCLatticeHandler } from '@tslambda/lambda-events/vpc-lattice';
 * export const handler: VPCLatticeHandler = async (event) => ({ statusCode: 200, body: event.raw_path });
 * ```
 */
export interface VPCLatticeEvent {
  raw_path: string;
  method: string;
  headers: Record<string, string>;
  query_string_parameters?: Record<string, string> | null;
  body?: string;
  is_base64_encoded: boolean;
}

/** The caller of a VPC Lattice request, as far as the service network knows it. */
export interface VPCLatticeIdentity {
  sourceVpcArn?: string;
  /** "AWS_IAM" for a SigV4-signed request, else absent or "NONE". */
  type?: string;
  principal?: string;
  principalOrgID?: string;
  sessionName?: string;
  x509IssuerOu?: string;
  x509SanDns?: string;
  x509SanNameCn?: string;
  x509SanUri?: string;
  x509SubjectCn?: string;
}

export interface VPCLatticeEventRequestContext {
  serviceNetworkArn: string;
  serviceArn: string;
  targetGroupArn: string;
  identity?: VPCLatticeIdentity;
  region: string;
  /** Microseconds since the epoch, as a decimal string. */
  timeEpoch: string;
}

/** A VPC Lattice request to a Lambda target, event structure version 2 (multi-value headers and query). */
export interface VPCLatticeEventV2 {
  version: string;
  path: string;
  method: string;
  headers: Record<string, string[]>;
  queryStringParameters?: Record<string, string[]> | null;
  body?: string;
  isBase64Encoded?: boolean;
  requestContext: VPCLatticeEventRequestContext;
}

/** The response of a VPC Lattice Lambda target (both event versions). */
export interface VPCLatticeResult {
  statusCode: number;
  statusDescription?: string;
  headers?: Record<string, string>;
  body?: string;
  isBase64Encoded?: boolean;
}

export type VPCLatticeHandler<TContext = LambdaContext> = Handler<VPCLatticeEvent, VPCLatticeResult, TContext>;
export type VPCLatticeHandlerV2<TContext = LambdaContext> = Handler<VPCLatticeEventV2, VPCLatticeResult, TContext>;
