import { setTimeout as sleep } from 'node:timers/promises';
import { dial, type Client } from '@tslambda/netrpc';
import type { FunctionError, Invocation } from './invocation.js';
import { InvokeRequest, InvokeResponse, PingRequest, PingResponse, type InvokeResponseValue } from './messages.js';

/**
 * The Lambda side of the go1.x protocol: dials the function's net/rpc
 * server on `_LAMBDA_SERVER_PORT`, checks it with `Function.Ping`, then
 * sends each invocation as `Function.Invoke` (aws-lambda-go's `messages`
 * types over gob).
 */
export class Go1xDriver {
  private client: Client | undefined;

  constructor(private readonly port: number) {}

  /**
   * Dials until the function listens (retrying while `alive()`), then pings.
   * Rejects when `signal` aborts or the process is gone.
   */
  async connect(alive: () => boolean, signal: AbortSignal): Promise<void> {
    let delay = 5;
    for (;;) {
      signal.throwIfAborted();
      if (!alive()) throw new Error('the function process exited before listening');
      try {
        this.client = await dial({ port: this.port, connectTimeout: 2000 });
        break;
      } catch {
        await sleep(delay, undefined, { signal });
        delay = Math.min(delay * 2, 20);
      }
    }
    await this.client.call('Function.Ping', {}, PingRequest, PingResponse, { signal });
  }

  /** Sends one invocation; settles it with the reply. Returns whether the function asked to exit (`ShouldExit`). */
  async invoke(inv: Invocation): Promise<boolean> {
    const client = this.client;
    if (!client) throw new Error('go1.x: not connected');
    const r = inv.request;
    let reply: InvokeResponseValue;
    try {
      reply = await client.call('Function.Invoke', {
        Payload: r.payload,
        RequestId: r.requestId,
        XAmznTraceId: r.traceId,
        Deadline: { Seconds: Math.floor(r.deadlineMs / 1000), Nanos: (r.deadlineMs % 1000) * 1_000_000 },
        InvokedFunctionArn: r.invokedFunctionArn,
        CognitoIdentityId: r.identity?.cognitoIdentityId ?? '',
        CognitoIdentityPoolId: r.identity?.cognitoIdentityPoolId ?? '',
        ClientContext: Buffer.from(r.clientContext ?? '', 'utf8'),
      }, InvokeRequest, InvokeResponse);
    } catch (err) {
      // The connection broke: the process exit handler reports Runtime.ExitError;
      // an RPC-level error (bad reply) is reported here.
      if ((err as Error).name === 'ShutdownError') return true;
      inv.fail({ type: 'Runtime.InvalidResponse', payload: Buffer.from(JSON.stringify({ errorType: 'Runtime.InvalidResponse', errorMessage: `go1.x: ${(err as Error).message}` })) });
      return true;
    }
    if (reply.Error) {
      inv.fail(go1xError(reply.Error));
      return reply.Error.ShouldExit;
    }
    inv.respond(Buffer.from(reply.Payload));
    return false;
  }

  close(): void {
    void this.client?.close();
    this.client = undefined;
  }
}

/** The error JSON Lambda returns for a go1.x function error. */
function go1xError(e: NonNullable<InvokeResponseValue['Error']>): FunctionError {
  const body: Record<string, unknown> = { errorMessage: e.Message, errorType: e.Type };
  const frames = e.StackTrace.filter((f) => f !== null).map((f) => ({ path: f!.Path, line: f!.Line, label: f!.Label }));
  if (frames.length > 0) body.stackTrace = frames;
  return { type: e.Type, payload: Buffer.from(JSON.stringify(body)) };
}
