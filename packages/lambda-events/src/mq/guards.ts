import { field, isRecord } from '../internal/guard.js';
import type { ActiveMQEvent, RabbitMQEvent } from './types.js';

/**
 * An Amazon MQ for ActiveMQ batch: `eventSource` "aws:mq" and `messages`.
 *
 * @example
 * ```ts
 * if (isActiveMQEvent(event)) console.log(event.messages.length);
 * ```
 */
export function isActiveMQEvent(x: unknown): x is ActiveMQEvent {
  return field(x, 'eventSource') === 'aws:mq' && Array.isArray(field(x, 'messages'));
}

/** An Amazon MQ for RabbitMQ batch: `eventSource` "aws:rmq" and `rmqMessagesByQueue`. */
export function isRabbitMQEvent(x: unknown): x is RabbitMQEvent {
  return field(x, 'eventSource') === 'aws:rmq' && isRecord(field(x, 'rmqMessagesByQueue'));
}
