import net from 'node:net';
import { method, Server } from '@tslambda/netrpc';
import type { ServeTransport, Transport } from '../transport.js';
import { clientContextError, errorResponse, runInvocation } from './invoke.js';
import { InvokeRequest, InvokeResponse, PingRequest, PingResponse, type InvokeRequestValue, type InvokeResponseValue } from './messages.js';
import { kit } from './kit.js';
import { invocationMeta } from './meta.js';

/** Largest request accepted: Lambda's 6 MB payload plus headroom for the other fields. */
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
/** How long a fatal error's replies get to reach the socket before the process exits. */
const FLUSH_TIMEOUT_MS = 1000;
/** How long invocations in flight get to finish when the runtime is stopped. */
const CLOSE_GRACE_MS = 5000;

const PONG = Object.freeze({});
const EMPTY = new Uint8Array(0);

/**
 * Serves the go1.x protocol: a net/rpc server (gob) on
 * `127.0.0.1:<settings.port>` with aws-lambda-go's `Function` service
 * (`Ping`, `Invoke`). Handler errors go in `InvokeResponse.Error`, never in
 * the RPC error. Resolves once listening.
 */
export const serve: ServeTransport = async (core, settings) => {
  const port = settings.port;
  if (port === undefined) throw new kit.RuntimeConfigError('the go1.x protocol needs _LAMBDA_SERVER_PORT');

  // Invocations running now: each can be answered early by failInflight().
  const inflight = new Set<(response: InvokeResponseValue) => void>();
  const invoke = (req: InvokeRequestValue): Promise<InvokeResponseValue> | InvokeResponseValue => {
    const meta = invocationMeta(req);
    const ccError = clientContextError(meta.clientContext);
    if (ccError) return { Payload: EMPTY, Error: ccError };
    return settleEarly(inflight, runInvocation(core, req.Payload, core.createContext(meta)));
  };

  const rpc = new Server({ maxMessageSize: MAX_MESSAGE_BYTES });
  rpc.register('Function', {
    Ping: method({ args: PingRequest, reply: PingResponse, handler: () => PONG, transientArgs: true }),
    // The payload and client context are read before the first await (their bytes are then reused).
    // The reply's Payload may be a pooled buffer: it goes back to the pool once written.
    Invoke: method({
      args: InvokeRequest,
      reply: InvokeResponse,
      handler: invoke,
      transientArgs: true,
      onReplyWritten: (reply) => kit.releaseBytes(reply.Payload),
    }),
  });

  const sockets = new Set<net.Socket>();
  const listener = net.createServer({ allowHalfOpen: true });
  rpc.attach(listener);
  listener.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    listener.once('error', reject);
    listener.listen(port, '127.0.0.1', () => {
      listener.off('error', reject);
      resolve();
    });
  });

  const done = new Promise<void>((resolve, reject) => {
    const stop = () => {
      listener.off('error', fail);
      rpc.close({ grace: CLOSE_GRACE_MS }).then(resolve, reject);
    };
    const fail = (err: unknown) => {
      core.signal.removeEventListener('abort', stop);
      rpc.close({ grace: 0 }).finally(() => reject(err));
    };
    listener.once('error', fail);
    if (core.signal.aborted) stop();
    else core.signal.addEventListener('abort', stop, { once: true });
  });

  const transport: Transport = {
    done,
    async failInflight(error: unknown): Promise<void> {
      if (inflight.size === 0) return;
      const response = errorResponse(error, true);
      for (const settle of [...inflight]) settle(response);
      await flush(sockets);
    },
  };
  return transport;
};

/** Resolves with `work`, or with the response `failInflight` hands in first. */
function settleEarly(
  inflight: Set<(response: InvokeResponseValue) => void>,
  work: Promise<InvokeResponseValue>,
): Promise<InvokeResponseValue> {
  return new Promise((resolve) => {
    const settle = (response: InvokeResponseValue) => {
      inflight.delete(settle);
      resolve(response);
    };
    inflight.add(settle);
    work.then(settle, (error: unknown) => settle(errorResponse(error)));
  });
}

/** Waits until the replies queued now have left for the kernel (or a timeout). */
async function flush(sockets: Set<net.Socket>): Promise<void> {
  // The RPC server writes replies after the handler's promise settles and uncorks on the next tick.
  await new Promise<void>((resolve) => setImmediate(resolve));
  await new Promise<void>((resolve) => setImmediate(resolve));
  const pending = [...sockets].filter((s) => !s.destroyed && s.writableLength > 0);
  if (pending.length === 0) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.all(pending.map((s) => new Promise<void>((resolve) => {
      const check = () => (s.destroyed || s.writableLength === 0 ? resolve() : s.once('drain', check));
      s.once('close', resolve);
      check();
    }))),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, FLUSH_TIMEOUT_MS))),
  ]);
  clearTimeout(timer);
}

