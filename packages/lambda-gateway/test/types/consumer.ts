// Compiled by .ci/consumer-types.mjs against the built package under several TypeScript versions.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  detectEventKind,
  GatewayError,
  handle,
  handleNode,
  handleNodeStreaming,
  handleStreaming,
  isBinaryResponse,
  start,
  UnsupportedEventError,
  type EventKind,
  type FetchHandler,
  type GatewayOptions,
  type HttpResult,
  type LambdaHttpContext,
} from '@tslambda/lambda-gateway';

const app: FetchHandler = (request: Request, ctx: LambdaHttpContext) =>
  Response.json({ url: request.url, kind: ctx.kind, id: ctx.lambdaContext.awsRequestId });
const options: GatewayOptions = { stripBasePath: true, basePath: '/api', isBinary: (t) => t === 'image/png', onError: () => new Response('oops', { status: 500 }) };

export const buffered = handle(app, options);
export const withFetchObject = handle({ fetch: app });
export const streamed = handleStreaming(app, { highWaterMark: 1024 });
export const node = handleNode((_req: IncomingMessage, res: ServerResponse) => res.end('ok'));
export const nodeStreamed = handleNodeStreaming((_req, res) => res.end('ok'));
export const kind: EventKind = detectEventKind({});
export const binary: boolean = isBinaryResponse('text/plain', null);
export async function run(): Promise<HttpResult> {
  void start(app, { streaming: false, runtime: { patchConsole: false } });
  try {
    return await buffered({ version: '2.0', rawPath: '/', rawQueryString: '', headers: {}, isBase64Encoded: false, requestContext: {} } as never, {} as never);
  } catch (error) {
    if (error instanceof UnsupportedEventError || error instanceof GatewayError) throw new Error(error.code);
    throw error;
  }
}
