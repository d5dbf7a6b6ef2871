import type { JsonValue } from '../common.js';
import type { Handler, LambdaContext } from '../handler.js';

/** One Amazon MQ for ActiveMQ message; `data` is base64. */
export interface ActiveMQMessage {
  messageID: string;
  messageType: string;
  timestamp: number;
  deliveryMode: number;
  correlationID?: string;
  replyTo?: string;
  destination: {
    physicalName: string;
  };
  redelivered: boolean;
  type?: string;
  expiration: number;
  priority: number;
  data: string;
  brokerInTime: number;
  brokerOutTime: number;
  properties?: Record<string, string>;
}

/**
 * An Amazon MQ for ActiveMQ batch.
 *
 * @example
 * ```ts
 * import { decodeMQData, type ActiveMQHandler } from '@tslambda/lambda-events/mq';
 * export const handler: ActiveMQHandler = async (event) => { for (const m of event.messages) console.log(decodeMQData(m)); };
 * ```
 */
export interface ActiveMQEvent {
  eventSource: string;
  eventSourceArn: string;
  messages: ActiveMQMessage[];
}

/** AMQP properties of a RabbitMQ message; null where the publisher set none. */
export interface RabbitMQBasicProperties {
  contentType: string | null;
  contentEncoding: string | null;
  /** AMQP headers: byte strings arrive as `{ bytes: number[] }`. */
  headers: { [name: string]: JsonValue } | null;
  deliveryMode: number | null;
  priority: number | null;
  correlationId: string | null;
  replyTo: string | null;
  expiration: string | null;
  messageId: string | null;
  timestamp: string | null;
  type: string | null;
  userId: string | null;
  appId: string | null;
  clusterId: string | null;
  bodySize: number;
}

/** One Amazon MQ for RabbitMQ message; `data` is base64. */
export interface RabbitMQMessage {
  basicProperties: RabbitMQBasicProperties;
  redelivered: boolean;
  data: string;
}

/** An Amazon MQ for RabbitMQ batch, keyed by "queue::virtual-host". */
export interface RabbitMQEvent {
  eventSource: string;
  eventSourceArn: string;
  rmqMessagesByQueue: { [queue: string]: RabbitMQMessage[] };
}

export type ActiveMQHandler<TContext = LambdaContext> = Handler<ActiveMQEvent, void, TContext>;
export type RabbitMQHandler<TContext = LambdaContext> = Handler<RabbitMQEvent, void, TContext>;
