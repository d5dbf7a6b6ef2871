import type { Handler, LambdaContext } from '../handler.js';

export interface SESMailHeader {
  name: string;
  value: string;
}

export interface SESMailCommonHeaders {
  returnPath: string;
  from?: string[];
  date: string;
  to?: string[];
  cc?: string[];
  bcc?: string[];
  sender?: string[];
  replyTo?: string[];
  messageId: string;
  subject?: string;
}

export interface SESMail {
  timestamp: string;
  source: string;
  messageId: string;
  destination: string[];
  headersTruncated: boolean;
  headers: SESMailHeader[];
  commonHeaders: SESMailCommonHeaders;
}

export interface SESReceiptStatus {
  status: 'PASS' | 'FAIL' | 'GRAY' | 'PROCESSING_FAILED' | 'DISABLED';
}

export interface SESReceiptLambdaAction {
  type: 'Lambda';
  invocationType: 'Event' | 'RequestResponse';
  functionArn: string;
}
export interface SESReceiptS3Action {
  type: 'S3';
  topicArn?: string;
  bucketName: string;
  objectKey: string;
  objectKeyPrefix?: string;
}
export interface SESReceiptSnsAction {
  type: 'SNS';
  topicArn: string;
  encoding?: 'UTF-8' | 'Base64';
}
export interface SESReceiptBounceAction {
  type: 'Bounce';
  topicArn?: string;
  smtpReplyCode: string;
  statusCode: string;
  message: string;
  sender: string;
}
export interface SESReceiptStopAction {
  type: 'Stop';
  topicArn?: string;
}
export interface SESReceiptWorkMailAction {
  type: 'WorkMail';
  topicArn?: string;
  organizationArn: string;
}

export interface SESReceipt {
  timestamp: string;
  processingTimeMillis: number;
  recipients: string[];
  spamVerdict: SESReceiptStatus;
  virusVerdict: SESReceiptStatus;
  spfVerdict: SESReceiptStatus;
  dkimVerdict: SESReceiptStatus;
  dmarcVerdict: SESReceiptStatus;
  dmarcPolicy?: 'none' | 'quarantine' | 'reject';
  action:
    | SESReceiptLambdaAction
    | SESReceiptS3Action
    | SESReceiptSnsAction
    | SESReceiptBounceAction
    | SESReceiptStopAction
    | SESReceiptWorkMailAction;
}

export interface SESMessage {
  mail: SESMail;
  receipt: SESReceipt;
}

export interface SESEventRecord {
  eventSource: string;
  eventVersion: string;
  ses: SESMessage;
}

/**
 * An SES receipt rule Lambda action.
 *
 * @example
 * ```ts
 * import type { SESHandler } from '@tslambda/lambda-events/ses';
 * export const handler: SESHandler = async (event) => console.log(event.Records[0]?.ses.mail.commonHeaders.subject);
 * ```
 */
export interface SESEvent {
  Records: SESEventRecord[];
}

/** With `RequestResponse` invocation, the function may answer `{ disposition: 'STOP_RULE' | 'STOP_RULE_SET' | 'CONTINUE' }`. */
export interface SESReceiptResult {
  disposition: 'STOP_RULE' | 'STOP_RULE_SET' | 'CONTINUE';
}

export type SESHandler<TContext = LambdaContext> = Handler<SESEvent, SESReceiptResult | void, TContext>;
