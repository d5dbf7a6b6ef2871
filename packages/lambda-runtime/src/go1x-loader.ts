import { TransportUnavailableError } from './errors.js';
import { go1xKit } from './go1x-kit.js';
import type { ServeTransport } from './transport.js';

/**
 * Loads the go1.x transport (`src/go1x/`, on `@tslambda/netrpc`) lazily, so
 * Runtime API functions never load netrpc or gob. A failed load (netrpc
 * missing from an install) is a {@link TransportUnavailableError}.
 */
export async function loadGo1xTransport(): Promise<ServeTransport> {
  try {
    const go1x = await import('./go1x/index.js');
    go1x.useKit(go1xKit);
    return go1x.serve;
  } catch (err) {
    const missing = `its module could not be loaded (${(err as Error)?.message ?? String(err)})`;
    throw new TransportUnavailableError('go1.x', missing, err);
  }
}
