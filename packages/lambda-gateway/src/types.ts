import type { ALBEvent, ALBResult } from '@tslambda/lambda-events/alb';
import type {
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2WithRequestContext,
  APIGatewayProxyResult,
  APIGatewayProxyStructuredResultV2,
  APIGatewayProxyWebsocketEventV2,
} from '@tslambda/lambda-events/api-gateway';
import type { LambdaFunctionURLEvent } from '@tslambda/lambda-events/lambda-url';
import type { VPCLatticeEvent, VPCLatticeEventV2, VPCLatticeResult } from '@tslambda/lambda-events/vpc-lattice';
import type { Context } from '@tslambda/lambda-runtime';

/** Which AWS service sent the event. */
export type EventKind = 'rest' | 'http' | 'function-url' | 'alb' | 'websocket' | 'lattice-v1' | 'lattice-v2';

/** Every HTTP event {@link handle} accepts. */
export type HttpEvent =
  | APIGatewayProxyEvent
  | APIGatewayProxyEventV2WithRequestContext<unknown>
  | LambdaFunctionURLEvent
  | ALBEvent
  | APIGatewayProxyWebsocketEventV2
  | VPCLatticeEvent
  | VPCLatticeEventV2;

/** Every result {@link handle} returns (the one matching the event kind). */
export type HttpResult = APIGatewayProxyResult | APIGatewayProxyStructuredResultV2 | ALBResult | VPCLatticeResult;

/**
 * What a fetch handler gets besides the `Request`: the raw event, its
 * `requestContext` and the Lambda context. Hono sees it as `c.env`.
 */
export interface LambdaHttpContext {
  /** The event as Lambda delivered it. */
  readonly event: HttpEvent;
  /** `event.requestContext` (undefined for VPC Lattice v1 events). */
  readonly requestContext: unknown;
  /** The invocation's Lambda context (deadline, request id, `signal`). */
  readonly lambdaContext: Context;
  /** Which service sent the event. */
  readonly kind: EventKind;
}

/** A web-standard fetch handler: Hono's `app.fetch`, itty-router, or a plain function. */
export type FetchHandler = (request: Request, ctx: LambdaHttpContext) => Response | Promise<Response>;

/** A fetch handler, or an object with a `fetch` method (a Hono app). */
export type FetchApp = FetchHandler | { fetch: FetchHandler };

/** Decides whether a response body is sent base64-encoded (see {@link isBinaryResponse}). */
export type BinaryRule = (contentType: string | null, contentEncoding: string | null) => boolean;

/** Options of {@link handle}, {@link handleStreaming} and the Node variants. */
export interface GatewayOptions {
  /**
   * Strip the API Gateway stage (`/{stage}` of HTTP API stages other than
   * `$default`) and custom-domain base paths (REST APIs, inferred from
   * `resource` and `pathParameters`) from the path the app sees. Default `true`.
   * When `false` the app sees the path the client sent.
   */
  stripBasePath?: boolean;
  /** A further prefix to strip (e.g. an HTTP API mapping key), like `/api`. */
  basePath?: string;
  /** Overrides the rule that picks base64 response bodies (default {@link isBinaryResponse}). */
  isBinary?: BinaryRule;
  /** Largest buffered response body in bytes before base64 (default 6 MiB). */
  maxResponseBytes?: number;
  /** Turns an error thrown by the app into a response; without it the invocation fails. */
  onError?: (error: unknown, request: Request, ctx: LambdaHttpContext) => Response | Promise<Response>;
}
