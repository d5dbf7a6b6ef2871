import type { Handler, LambdaContext } from '../handler.js';

export interface ALBEventHeaders {
  [name: string]: string | undefined;
}
export interface ALBEventMultiValueHeaders {
  [name: string]: string[] | undefined;
}
export interface ALBEventQueryStringParameters {
  [name: string]: string | undefined;
}
export interface ALBEventMultiValueQueryStringParameters {
  [name: string]: string[] | undefined;
}

export interface ALBEventRequestContext {
  elb: {
    targetGroupArn: string;
  };
}

/**
 * An Application Load Balancer request to a Lambda target. With multi-value
 * headers enabled on the target group, `multiValueHeaders` and
 * `multiValueQueryStringParameters` replace `headers` and
 * `queryStringParameters`. Query values arrive as sent (still percent-encoded).
 *
 * @example
 * ```ts
 * import type { ALBHandler } from '@tslambda/lambda-events/alb';
 * export const handler: ALBHandler = async (event) => ({ statusCode: 200, body: event.path });
 * ```
 */
export interface ALBEvent {
  requestContext: ALBEventRequestContext;
  httpMethod: string;
  path: string;
  queryStringParameters?: ALBEventQueryStringParameters;
  headers?: ALBEventHeaders;
  multiValueQueryStringParameters?: ALBEventMultiValueQueryStringParameters;
  multiValueHeaders?: ALBEventMultiValueHeaders;
  body?: string | null;
  isBase64Encoded: boolean;
}

/** An Application Load Balancer Lambda target response. */
export interface ALBResult {
  statusCode: number;
  statusDescription?: string;
  headers?: Record<string, boolean | number | string>;
  multiValueHeaders?: Record<string, Array<boolean | number | string>>;
  body?: string;
  isBase64Encoded?: boolean;
}

export type ALBHandler<TContext = LambdaContext> = Handler<ALBEvent, ALBResult, TContext>;
