// Processes an SQS batch; a message that fails goes back to the queue alone
// (partial batch response: enable ReportBatchItemFailures on the event source mapping).
import { events, logger, start, type SQSBatchResponse, type SQSEvent, type SQSRecord } from '@tslambda/lambda';

interface Order {
  orderId: string;
  quantity: number;
}

function isOrder(value: unknown): value is Order {
  const v = value as Partial<Order> | null;
  return typeof v === 'object' && v !== null && typeof v.orderId === 'string' && Number.isInteger(v.quantity);
}

async function handleOrder(record: SQSRecord): Promise<void> {
  const order = events.parseBody<Order>(record, isOrder);
  if (order.quantity <= 0) throw new RangeError(`order ${order.orderId}: quantity must be positive`);
  logger.info('order accepted', { orderId: order.orderId, quantity: order.quantity });
}

start(
  async (event: SQSEvent): Promise<SQSBatchResponse> =>
    events.processBatch(event.Records, handleOrder, {
      onError: (error, record) => logger.warn('message failed', { messageId: (record as SQSRecord).messageId, error: String(error) }),
    }),
);
