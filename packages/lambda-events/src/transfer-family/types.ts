import type { Handler, LambdaContext } from '../handler.js';

/**
 * An AWS Transfer Family custom identity provider request. `password` is
 * absent for public-key authentication.
 *
 * @example
 * ```ts
 * import type { TransferFamilyAuthorizerHandler } from '@tslambda/lambda-events/transfer-family';
 * export const handler: TransferFamilyAuthorizerHandler = async (event) =>
 *   event.username === 'alice' ? { Role: 'arn:aws:iam::123456789012:role/sftp', HomeDirectory: '/bucket/alice' } : {};
 * ```
 */
export interface TransferFamilyAuthorizerEvent {
  username: string;
  password?: string;
  protocol: 'SFTP' | 'FTP' | 'FTPS' | 'AS2';
  serverId: string;
  sourceIp: string;
}

/** The identity provider's answer; an empty object denies access. */
export interface TransferFamilyAuthorizerResult {
  Role?: string;
  PosixProfile?: { Gid: number; Uid: number; SecondaryGids?: number[] };
  PublicKeys?: string[];
  Policy?: string;
  HomeDirectoryType?: 'LOGICAL' | 'PATH';
  HomeDirectoryDetails?: string;
  HomeDirectory?: string;
}

export type TransferFamilyAuthorizerHandler<TContext = LambdaContext> = Handler<
  TransferFamilyAuthorizerEvent,
  TransferFamilyAuthorizerResult,
  TContext
>;
