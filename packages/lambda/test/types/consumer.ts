import { start, currentContext, logger, gateway, events, type Context, type Handler, type S3Event, type SQSEvent, type SQSBatchResponse } from '@tslambda/lambda';
import { handle } from '@tslambda/lambda/gateway';
import { isSQSEvent } from '@tslambda/lambda/events';

const s3: Handler<S3Event, string[]> = async (event, context: Context) => {
  logger.info('keys', { id: context.awsRequestId, same: currentContext() === context });
  return event.Records.map((r) => events.decodeS3Key(r.s3.object.key));
};
const sqs = async (event: SQSEvent): Promise<SQSBatchResponse> => events.batchItemFailures(isSQSEvent(event) ? [] : []);
const app = { fetch: async (req: Request): Promise<Response> => new Response(new URL(req.url).pathname) };
export const httpHandler: ReturnType<typeof handle> = handle(app);
export function run(): Promise<void> {
  void sqs;
  void gateway.start(app);
  return start(s3);
}
