import type { ServeTransport } from './transport.js';

/**
 * Loads the go1.x transport (`src/go1x/`, on `@tslambda/netrpc`) lazily, so
 * Runtime API functions never load netrpc or gob.
 */
export async function loadGo1xTransport(): Promise<ServeTransport> {
  return (await import('./go1x/index.js')).serve;
}
