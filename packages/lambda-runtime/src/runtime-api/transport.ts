import type { InvocationContext } from '../context.js';
import { runWithContext } from '../context.js';
import { ResponseSizeTooLargeError } from '../errors.js';
import { formatError, headerSafe } from '../format-error.js';
import { ByteSteps, LARGE_EVENT } from '../byte-steps.js';
import { invokeBuffered, logInvokeError, parseEvent, runBuffered } from '../invoke.js';
import { releaseBytes } from '../json-bytes.js';
import { emit } from '../log.js';
import { DEFAULT_STREAM_CONTENT_TYPE, isStreamingHandler, LambdaResponseStream, streamingOptions, type StreamingHandler } from '../stream.js';
import type { Transport, TransportCore } from '../transport.js';
import type { Handler, InvocationMeta } from '../types.js';
import { RuntimeApiClient, type NextInvocation } from './client.js';

/**
 * Runs the Runtime API loop: `core.concurrency` loops of `/next` → handler →
 * `/response` or `/error` (Lambda Managed Instances run several at once).
 * Resolves once the first `/next` requests are sent.
 */
export function serveRuntimeApi(core: TransportCore, client: RuntimeApiClient): Transport {
  const inflight = new Map<string, InvocationMeta>();
  // Streamed responses use node:http; load it now rather than in the first invocation.
  if (isStreamingHandler(core.handler)) RuntimeApiClient.preloadStreaming().catch(() => {});
  const onAbort = () => client.close();
  core.signal.addEventListener('abort', onAbort, { once: true });

  async function loop(): Promise<void> {
    while (!core.signal.aborted) {
      let inv: NextInvocation;
      try {
        inv = await client.next();
      } catch (err) {
        if (core.signal.aborted) return;
        throw err;
      }
      inflight.set(inv.meta.requestId, inv.meta);
      try {
        const context = core.createContext(inv.meta);
        if (isStreamingHandler(core.handler)) await invokeStreaming(core, client, core.handler, inv, context);
        else await invokeOnce(core, client, core.handler, inv, context);
      } catch (err) {
        if (core.signal.aborted) return;
        throw err;
      } finally {
        inflight.delete(inv.meta.requestId);
      }
    }
  }

  const loops: Promise<void>[] = [];
  for (let i = 0; i < core.concurrency; i++) loops.push(loop());
  const done = Promise.all(loops).then(
    () => undefined,
    (err: unknown) => {
      client.close();
      throw err;
    },
  );
  done.catch(() => {}).finally(() => core.signal.removeEventListener('abort', onAbort));

  return {
    done,
    async failInflight(error: unknown): Promise<void> {
      await Promise.allSettled([...inflight.values()].map((meta) => client.error(meta, error)));
    },
  };
}

async function invokeOnce(core: TransportCore, client: RuntimeApiClient, handler: Handler, inv: NextInvocation, context: InvocationContext): Promise<void> {
  // Large events are parsed from their bytes and their results written to bytes (no string of the whole payload or result).
  const outcome = inv.payload.length >= LARGE_EVENT
    ? await runBuffered(handler, inv.payload, context, core.maxResponseBytes, new ByteSteps())
    : await invokeBuffered(handler, inv.payload, context, core.maxResponseBytes);
  if (outcome.ok) {
    let reply: { status: number; body: string };
    try {
      reply = await client.respond(inv.meta, outcome.body);
    } finally {
      if (typeof outcome.body !== 'string') releaseBytes(outcome.body);
    }
    const { status, body } = reply;
    if (status === 413) {
      // The Runtime API enforces a lower limit than ours: report it as Lambda does.
      const limit = Number(/\((\d+) bytes\)/.exec(body)?.[1] ?? core.maxResponseBytes);
      const error = new ResponseSizeTooLargeError(Buffer.byteLength(outcome.body), limit);
      logInvokeError(error);
      await client.error(inv.meta, error);
    } else if (status >= 400) {
      warn(`Runtime API rejected the response of ${inv.meta.requestId} with status ${status}`);
    }
  } else {
    const status = await client.error(inv.meta, outcome.error);
    if (status >= 400) warn(`Runtime API rejected the error of ${inv.meta.requestId} with status ${status}`);
  }
}

async function invokeStreaming(
  core: TransportCore,
  client: RuntimeApiClient,
  handler: StreamingHandler,
  inv: NextInvocation,
  context: InvocationContext,
): Promise<void> {
  const options = streamingOptions(handler);
  const { req, done } = await client.openStream(inv.meta, DEFAULT_STREAM_CONTENT_TYPE);
  done.catch(() => {});
  const stream = new LambdaResponseStream(
    {
      setHeader: (name, value) => req.setHeader(name, value),
      write: (chunk) => req.write(chunk),
      onDrain: (callback) => req.once('drain', callback),
    },
    { highWaterMark: options.highWaterMark, maxBytes: core.maxStreamBytes },
  );
  let failed = false;
  let failure: unknown;
  const fail = (err: unknown) => {
    if (!failed) {
      failed = true;
      failure = err;
    }
  };
  const settled = new Promise<void>((resolve) => {
    stream.once('finish', resolve);
    stream.once('close', resolve);
    stream.once('error', (err) => {
      fail(err);
      resolve();
    });
  });
  let connectionError: unknown;
  req.once('error', (err) => {
    connectionError = err;
    stream.destroy(err);
  });
  const handlerRun = (async () => {
    const event = parseEvent(inv.payload);
    await runWithContext(context, () => handler(event, stream, context));
  })().then(
    () => {
      if (!stream.writableEnded && !stream.destroyed) stream.end();
    },
    (err: unknown) => {
      fail(err);
      if (!stream.destroyed) stream.destroy();
    },
  );
  await settled;
  // A finished stream still waits for the handler (a later throw becomes a trailer);
  // a destroyed one does not (the handler may be stuck waiting for 'drain').
  if (!failed && !stream.destroyed) await handlerRun;
  if (failed && connectionError === undefined) runWithContext(context, () => logInvokeError(failure));
  context.end();
  if (connectionError !== undefined) {
    await done.catch(() => {});
    // The next /next call finds out whether the Runtime API is gone (and retries).
    warn(`streamed response of ${inv.meta.requestId} failed: ${(connectionError as Error).message}`);
    return;
  }
  if (failed) {
    const f = formatError(failure);
    req.addTrailers({
      'Lambda-Runtime-Function-Error-Type': headerSafe(f.errorType),
      'Lambda-Runtime-Function-Error-Body': Buffer.from(JSON.stringify(f)).toString('base64'),
    });
  }
  req.end();
  const status = await done;
  if (status >= 400) warn(`Runtime API rejected the streamed response of ${inv.meta.requestId} with status ${status}`);
}

function warn(message: string): void {
  emit('WARN', [message]);
}
