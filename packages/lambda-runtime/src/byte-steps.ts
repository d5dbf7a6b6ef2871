import type { BufferedSteps } from './invoke.js';
import { serializeBytes } from './json-bytes.js';
import { parsePayload } from './parse-payload.js';

/** Events from this size on make a large result likely (an echo, a transformed document). */
export const LARGE_EVENT = 64 * 1024;

/**
 * The steps of a buffered invocation on bytes: the payload is parsed from
 * its bytes (`parsePayload`: long string values decoded on their own, no
 * string of the whole payload) and the result written to bytes
 * (`serializeBytes`), with the same results and errors as the JSON text
 * steps. The body is a lent buffer: give it to `releaseBytes` once sent.
 * One object per invocation: it carries the long strings decoded from the
 * event (written back unchecked) and whether the event was large.
 */
export class ByteSteps implements BufferedSteps<Uint8Array, Buffer> {
  private readonly clean: string[] = [];
  private large = false;

  parse(payload: Uint8Array): unknown {
    this.large = payload.length >= LARGE_EVENT;
    return parsePayload(payload, this.clean);
  }

  serialize(result: unknown, maxBytes: number): Buffer {
    return serializeBytes(result, maxBytes, this.large, this.clean);
  }
}
