import { LambdaEventError } from '../errors.js';
import { decodeBase64 } from '../internal/base64.js';
import { isRecord } from '../internal/guard.js';
import { parseJson, utf8Decode } from '../internal/utf8.js';
import { gunzip } from './gunzip.js';
import type { CloudWatchLogsDecodedData, CloudWatchLogsEvent } from './types.js';

/** Options of {@link decodeCloudWatchLogs}. */
export interface DecodeCloudWatchLogsOptions {
  /** Largest decompressed payload accepted, in bytes. Default 64 MiB. */
  maxBytes?: number;
}

/**
 * Decodes `awslogs.data`: base64, then gunzip, then JSON. Asynchronous
 * because it uses the web-standard `DecompressionStream` rather than
 * `node:zlib`. Throws `LambdaEventError` (`INVALID_BASE64`, `INVALID_GZIP`,
 * `INVALID_JSON`, `INVALID_BODY`, `LIMIT_EXCEEDED`).
 *
 * @example
 * ```ts
 * const { logGroup, logEvents } = await decodeCloudWatchLogs(event);
 * ```
 */
export async function decodeCloudWatchLogs(event: CloudWatchLogsEvent, options: DecodeCloudWatchLogsOptions = {}): Promise<CloudWatchLogsDecodedData> {
  const compressed = decodeBase64(event.awslogs.data, 'awslogs.data');
  const json = await gunzip(compressed, options.maxBytes ?? 64 * 1024 * 1024);
  return parseCloudWatchLogsData(json);
}

/**
 * Parses the decompressed payload (for callers that gunzip themselves, e.g.
 * with `zlib.gunzipSync`), checking its outline.
 *
 * @example
 * ```ts
 * const data = parseCloudWatchLogsData(gunzipSync(Buffer.from(event.awslogs.data, 'base64')));
 * ```
 */
export function parseCloudWatchLogsData(json: Uint8Array | string): CloudWatchLogsDecodedData {
  const text = typeof json === 'string' ? json : utf8Decode(json, 'awslogs.data');
  const value = parseJson(text, 'awslogs.data');
  if (!isRecord(value) || typeof value.logGroup !== 'string' || typeof value.messageType !== 'string' || !Array.isArray(value.logEvents)) {
    throw new LambdaEventError('INVALID_BODY', 'not a CloudWatch Logs payload (logGroup, messageType, logEvents)', { path: 'awslogs.data' });
  }
  return value as unknown as CloudWatchLogsDecodedData;
}
