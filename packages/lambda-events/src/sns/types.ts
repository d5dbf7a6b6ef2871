import type { Handler, LambdaContext } from '../handler.js';
import type { JsonString } from '../json-string.js';

export interface SNSMessageAttribute {
  Type: string;
  Value: string;
}

export interface SNSMessageAttributes {
  [name: string]: SNSMessageAttribute;
}

/**
 * An SNS notification as Lambda receives it. Lambda spells the URLs
 * `SigningCertUrl`/`UnsubscribeUrl`; the HTTP/SQS delivery format (also seen
 * in Lambda events) spells them `SigningCertURL`/`UnsubscribeURL`.
 */
export interface SNSMessage<TMessage = unknown> {
  SignatureVersion: string;
  Timestamp: string;
  Signature: string;
  SigningCertUrl?: string;
  SigningCertURL?: string;
  MessageId: string;
  Message: JsonString<TMessage>;
  MessageAttributes?: SNSMessageAttributes;
  Type: string;
  UnsubscribeUrl?: string;
  UnsubscribeURL?: string;
  TopicArn: string;
  Subject?: string | null;
  Token?: string;
}

export interface SNSEventRecord<TMessage = unknown> {
  EventVersion: string;
  EventSubscriptionArn: string;
  EventSource: string;
  Sns: SNSMessage<TMessage>;
}

/**
 * SNS notifications delivered to a subscribed function.
 *
 * @example
 * ```ts
 * import type { SNSHandler } from '@tslambda/lambda-events/sns';
 * export const handler: SNSHandler = async (event) => console.log(event.Records[0]?.Sns.Message);
 * ```
 */
export interface SNSEvent<TMessage = unknown> {
  Records: Array<SNSEventRecord<TMessage>>;
}

export type SNSHandler<TMessage = unknown, TContext = LambdaContext> = Handler<SNSEvent<TMessage>, void, TContext>;
