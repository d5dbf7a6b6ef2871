import type * as Http from 'node:http';

type WithBuiltins = { getBuiltinModule?: (id: 'node:http') => typeof Http };
let http: typeof Http | undefined;

/**
 * `node:http`, loaded with the first request of a Node listener rather than
 * imported with the package: for an ESM import Node builds a wrapper that
 * reads every export of the module, and on Node 22 and 24 that loads
 * undici's WebSocket (~50 ms at start-up). `handle()` functions never load it.
 */
export async function nodeHttp(): Promise<typeof Http> {
  return (http ??= (process as unknown as WithBuiltins).getBuiltinModule?.('node:http') ?? (await import('node:http')));
}
