import type { JsonObject, JsonValue } from '../common.js';
import type { Handler, LambdaContext } from '../handler.js';

export type DocumentDBOperationType = 'insert' | 'update' | 'replace' | 'delete' | 'drop' | 'rename' | 'dropDatabase' | 'invalidate';

/** A namespace: database and, except for database-level events, collection. */
export interface DocumentDBNamespace {
  db: string;
  coll?: string;
}

/** One change stream event, in MongoDB Extended JSON (`$oid`, `$timestamp`, `$date`...). */
export interface DocumentDBChangeEvent {
  _id: { _data: string };
  operationType: DocumentDBOperationType;
  clusterTime: { $timestamp: { t: number; i: number } };
  ns?: DocumentDBNamespace;
  /** rename: the new namespace. */
  to?: DocumentDBNamespace;
  documentKey?: { _id: JsonValue };
  /** insert, replace (and update with full-document lookup). */
  fullDocument?: JsonObject | null;
  updateDescription?: {
    updatedFields: JsonObject;
    removedFields: string[];
    truncatedArrays?: Array<{ field: string; newSize: number }>;
  };
  txnNumber?: JsonValue;
  lsid?: JsonValue;
  wallTime?: JsonValue;
}

export interface DocumentDBEventRecord {
  event: DocumentDBChangeEvent;
}

/**
 * An Amazon DocumentDB change stream batch.
 *
 * @example
 * ```ts
 * import type { DocumentDBHandler } from '@tslambda/lambda-events/documentdb';
 * export const handler: DocumentDBHandler = async (event) => { for (const e of event.events) console.log(e.event.operationType); };
 * ```
 */
export interface DocumentDBEvent {
  eventSourceArn: string;
  eventSource: string;
  events: DocumentDBEventRecord[];
}

export type DocumentDBHandler<TContext = LambdaContext> = Handler<DocumentDBEvent, void, TContext>;
