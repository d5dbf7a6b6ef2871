// Compiled by .ci/consumer-types.mjs under TypeScript 5.9, 6.0 and 7.0 (ESM, CJS and bundler
// resolution), and by this package's `tsc --noEmit`: the public API as a user sees it.
import {
  type APIGatewayProxyEventV2,
  type APIGatewayProxyHandler,
  type APIGatewayProxyHandlerV2,
  isAPIGatewayProxyEvent,
  isAPIGatewayProxyEventV2,
} from '@tslambda/lambda-events/api-gateway';
import { type ALBHandler, isALBEvent } from '@tslambda/lambda-events/alb';
import { type LambdaFunctionURLHandler, isLambdaFunctionURLEvent } from '@tslambda/lambda-events/lambda-url';
import { type VPCLatticeHandlerV2 } from '@tslambda/lambda-events/vpc-lattice';
import { type S3Handler, isS3Event, s3ObjectKey } from '@tslambda/lambda-events/s3';
import { type SQSHandler, type SQSRecord, parseBody, processBatch } from '@tslambda/lambda-events/sqs';
import { type DynamoDBStreamHandler, type NativeValue, unmarshall } from '@tslambda/lambda-events/dynamodb';
import { type EventBridgeHandler, type ScheduledHandler } from '@tslambda/lambda-events/eventbridge';
import { type CloudWatchLogsHandler, decodeCloudWatchLogs } from '@tslambda/lambda-events/cloudwatch-logs';
import { type PreSignUpTriggerHandler } from '@tslambda/lambda-events/cognito';
import { unwrapS3FromSQS } from '@tslambda/lambda-events/envelopes';
import {
  type CloudFormationCustomResourceEvent,
  type EventBridgeEvent,
  type Handler,
  type LambdaContext,
  LambdaEventError,
  isEventBridgeEvent,
} from '@tslambda/lambda-events';

interface Order {
  orderId: string;
}

export const sqs: SQSHandler<Order> = async (event) =>
  processBatch(event.Records, async (record: SQSRecord<Order>) => {
    const order = parseBody(record);
    const id: string = order.orderId;
    for (const s3 of record.body.startsWith('{"Records"') ? unwrapS3FromSQS(record) : []) console.log(s3ObjectKey(s3), id);
  });

export const s3: S3Handler = async (event, context) => {
  for (const r of event.Records) console.log(s3ObjectKey(r), context.awsRequestId, context.getRemainingTimeInMillis());
};

export const rest: APIGatewayProxyHandler = async (event) => ({ statusCode: 200, body: event.path });
export const http: APIGatewayProxyHandlerV2 = async (event) => ({ statusCode: 200, body: event.rawPath, cookies: event.cookies ?? [] });
export const httpString: APIGatewayProxyHandlerV2 = async () => 'plain';
export const url: LambdaFunctionURLHandler = async (event) => ({ statusCode: 200, body: event.requestContext.http.method });
export const alb: ALBHandler = async (event) => ({ statusCode: 200, statusDescription: '200 OK', body: event.path });
export const lattice: VPCLatticeHandlerV2 = async (event) => ({ statusCode: 200, body: event.requestContext.serviceArn });
export const ddb: DynamoDBStreamHandler = async (event) => {
  const items: Array<{ [name: string]: NativeValue }> = event.Records.flatMap((r) =>
    r.dynamodb?.NewImage ? [unmarshall(r.dynamodb.NewImage)] : [],
  );
  return { batchItemFailures: items.length ? [] : [{ itemIdentifier: '1' }] };
};
export const bus: EventBridgeHandler<'Order Placed', Order> = async (event) => console.log(event.detail.orderId);
export const cron: ScheduledHandler = async (event) => console.log(event.time);
export const logs: CloudWatchLogsHandler = async (event) => {
  const data = await decodeCloudWatchLogs(event);
  console.log(data.logEvents.length);
};
export const signUp: PreSignUpTriggerHandler = async (event) => {
  event.response.autoConfirmUser = event.triggerSource === 'PreSignUp_AdminCreateUser';
  return event;
};

// A handler generic over its own context type.
interface MyContext extends LambdaContext {
  tenant: string;
}
export const withContext: S3Handler<MyContext> = (_event, context) => console.log(context.tenant);

// Any event: the guards narrow it (specific guards first, see docs/events.md).
export const router: Handler<unknown, unknown> = async (event) => {
  if (isS3Event(event)) return event.Records.length;
  if (isLambdaFunctionURLEvent(event)) return event.requestContext.domainName;
  if (isAPIGatewayProxyEventV2(event)) return (event satisfies APIGatewayProxyEventV2).rawPath;
  if (isAPIGatewayProxyEvent(event)) return event.resource;
  if (isALBEvent(event)) return event.requestContext.elb.targetGroupArn;
  if (isEventBridgeEvent(event)) return (event satisfies EventBridgeEvent)['detail-type'];
  return undefined;
};

// The CloudFormation request union narrows on RequestType.
export function physicalId(event: CloudFormationCustomResourceEvent): string {
  return event.RequestType === 'Create' ? event.LogicalResourceId : event.PhysicalResourceId;
}

export const errorCode = (e: unknown): string | undefined => (e instanceof LambdaEventError ? e.code : undefined);

// Handlers take two arguments: a callback-style handler does not fit.
// @ts-expect-error a third, required parameter
export const callbackStyle: S3Handler = (_event: unknown, _context: LambdaContext, _callback: () => void) => undefined;
