/**
 * Node's `Response` (undici 6: Node 20 and 22) keeps what it was built from
 * (`new Response('text')`, `Response.json()`, bytes) beside its stream, under
 * a `Symbol(state)` field. Reading that instead of the stream saves a stream
 * pull and two reads per response. Used only while every check below holds;
 * anything else (Node 24's private fields, streams, blobs, a disturbed or
 * locked body) takes the ordinary stream path.
 */
interface BodyState {
  stream?: unknown;
  source?: unknown;
  length?: unknown;
}

let stateKey: symbol | null | undefined;

function findStateKey(): symbol | null {
  try {
    const probe = new Response('');
    const key = Object.getOwnPropertySymbols(probe).find((s) => s.description === 'state');
    const state = key === undefined ? undefined : (probe as unknown as Record<symbol, { body?: BodyState } | undefined>)[key];
    return state?.body?.stream === probe.body && state?.body?.source === '' ? key! : null;
  } catch {
    return null;
  }
}

/**
 * The string or bytes `response`'s untouched `body` stream would yield, with
 * their UTF-8 byte length, or `undefined` when that cannot be known without
 * reading the stream.
 */
export function sourceOf(response: Response, body: ReadableStream<Uint8Array>): { source: string | Uint8Array; length: number } | undefined {
  if (stateKey === undefined) stateKey = findStateKey();
  if (stateKey === null) return undefined;
  const state = (response as unknown as Record<symbol, { body?: BodyState | null } | undefined>)[stateKey];
  const b = state?.body;
  // The field must describe this very stream, and nothing may have read it.
  if (b === undefined || b === null || b.stream !== body || body.locked || response.bodyUsed) return undefined;
  const { source, length } = b;
  if (typeof length !== 'number') return undefined;
  if (typeof source === 'string') return { source, length };
  // A clone's reader detaches the shared bytes: their length then no longer matches.
  if (source instanceof Uint8Array && source.byteLength === length) return { source, length };
  return undefined;
}
