import type { Writable } from 'node:stream';

/** Resolves on `'drain'`; rejects when the stream closes or fails first. */
export function drained(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      stream.off('drain', onDrain);
      stream.off('close', onClose);
      stream.off('error', onError);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error('the response stream closed before the body was written'));
    const onError = (error: Error) => done(error);
    stream.on('drain', onDrain);
    stream.on('close', onClose);
    stream.on('error', onError);
  });
}

/** Copies a web stream into a Node writable, waiting for `'drain'` whenever `write()` says so. */
export async function pipeBody(body: ReadableStream<Uint8Array>, stream: Writable): Promise<void> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (stream.destroyed) throw new Error('the response stream closed before the body was written');
      if (!stream.write(value)) await drained(stream);
    }
  } catch (error) {
    reader.cancel(error).catch(() => {});
    throw error;
  }
}
