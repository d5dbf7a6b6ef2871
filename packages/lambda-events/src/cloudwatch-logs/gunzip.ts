import { LambdaEventError } from '../errors.js';

interface ByteReader {
  read(): Promise<{ done: boolean; value?: Uint8Array | undefined }>;
  cancel(reason?: unknown): Promise<void>;
}
interface ByteWriter {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
  abort(reason?: unknown): Promise<void>;
}
interface DecompressionStreamLike {
  readable: { getReader(): ByteReader };
  writable: { getWriter(): ByteWriter };
}
type DecompressionStreamCtor = new (format: 'gzip') => DecompressionStreamLike;

/**
 * Gunzips with the web-standard `DecompressionStream` (Node 18+, browsers,
 * Deno, Bun, edge runtimes), so the package needs no `node:zlib`. Stops with
 * `LIMIT_EXCEEDED` once the output passes `maxBytes`.
 */
export async function gunzip(input: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  const Ctor = (globalThis as { DecompressionStream?: DecompressionStreamCtor }).DecompressionStream;
  if (!Ctor) throw new LambdaEventError('UNSUPPORTED_VALUE', 'this runtime has no DecompressionStream');
  const stream = new Ctor('gzip');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  // Write without waiting: the stream only drains as it is read.
  const written = writer.write(input).then(() => writer.close());
  written.catch(() => {});
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!value) continue;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        await writer.abort().catch(() => {});
        throw new LambdaEventError('LIMIT_EXCEEDED', `decompressed data exceeds ${maxBytes} bytes`, { path: 'awslogs.data' });
      }
      chunks.push(value);
    }
    await written;
  } catch (cause) {
    if (cause instanceof LambdaEventError) throw cause;
    throw new LambdaEventError('INVALID_GZIP', 'awslogs.data is not valid gzip', { path: 'awslogs.data', cause });
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}
