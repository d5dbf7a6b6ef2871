// The AWS event-stream encoding (`application/vnd.amazon.eventstream`) used by
// InvokeWithResponseStream: each message is
// total length (u32) | headers length (u32) | prelude CRC32 | headers | payload | message CRC32,
// with string headers as name length (u8), name, type 7, value length (u16), value.

const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (IEEE), as event-stream messages use it. */
export function crc32(bytes: Uint8Array, seed = 0): number {
  let c = (seed ^ 0xffffffff) >>> 0;
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Encodes one event-stream message with string headers. */
export function encodeEventMessage(headers: Record<string, string>, payload: Uint8Array): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const n = Buffer.from(name, 'utf8');
    const v = Buffer.from(value, 'utf8');
    const h = Buffer.alloc(1 + n.length + 1 + 2);
    h.writeUInt8(n.length, 0);
    n.copy(h, 1);
    h.writeUInt8(7, 1 + n.length);
    h.writeUInt16BE(v.length, 2 + n.length);
    parts.push(h, v);
  }
  const headerBytes = Buffer.concat(parts);
  const total = 12 + headerBytes.length + payload.length + 4;
  const out = Buffer.alloc(total);
  out.writeUInt32BE(total, 0);
  out.writeUInt32BE(headerBytes.length, 4);
  out.writeUInt32BE(crc32(out.subarray(0, 8)), 8);
  headerBytes.copy(out, 12);
  out.set(payload, 12 + headerBytes.length);
  out.writeUInt32BE(crc32(out.subarray(0, total - 4)), total - 4);
  return out;
}

/** A `PayloadChunk` event of InvokeWithResponseStream. */
export function payloadChunk(bytes: Uint8Array): Buffer {
  return encodeEventMessage({ ':event-type': 'PayloadChunk', ':content-type': 'application/octet-stream', ':message-type': 'event' }, bytes);
}

/** The final `InvokeComplete` event. */
export function invokeComplete(fields: { ErrorCode?: string; ErrorDetails?: string; LogResult?: string }): Buffer {
  return encodeEventMessage({ ':event-type': 'InvokeComplete', ':content-type': 'application/json', ':message-type': 'event' }, Buffer.from(JSON.stringify(fields)));
}
