import { TransportUnavailableError } from './errors.js';
import type { ServeTransport } from './transport.js';

/**
 * Loads the go1.x transport lazily, so Runtime API functions never load
 * `@tslambda/netrpc`. The go1.x transport (`src/go1x/`) is not in this build
 * yet: when it is, this returns `(await import('./go1x/index.js')).serve`.
 */
export async function loadGo1xTransport(): Promise<ServeTransport> {
  throw new TransportUnavailableError('go1.x', 'src/go1x (the net/rpc Function service on @tslambda/netrpc) is not implemented yet');
}
