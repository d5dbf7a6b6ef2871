import type { SNSMessageAttributes } from '../sns/types.js';

/**
 * An SNS notification as delivered to SQS (and HTTP) subscribers: the JSON
 * body of the SQS message when raw message delivery is off.
 */
export interface SNSNotification {
  Type: string;
  MessageId: string;
  TopicArn: string;
  Subject?: string;
  Message: string;
  Timestamp: string;
  SignatureVersion: string;
  Signature: string;
  SigningCertURL: string;
  UnsubscribeURL: string;
  MessageAttributes?: SNSMessageAttributes;
}
