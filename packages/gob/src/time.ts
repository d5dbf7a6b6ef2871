import { t, type MarshalerSchema } from './schema.js';

/** Seconds from 0001-01-01 to 1970-01-01 (Go's unixToInternal). */
const UNIX_TO_INTERNAL = 62135596800;
/** The JS time of Go's zero `time.Time` (0001-01-01T00:00:00Z). */
export const GO_ZERO_TIME_MS = -UNIX_TO_INTERNAL * 1000;
const MAX_DATE_MS = 8.64e15;

/** Go's `Time.MarshalBinary` of an instant (UTC, version 1, 15 bytes). */
export function marshalTime(d: Date): Uint8Array {
  const ms = d.getTime();
  if (!Number.isFinite(ms)) throw new Error('invalid Date');
  const unixSec = Math.floor(ms / 1000);
  const nsec = (ms - unixSec * 1000) * 1e6;
  const sec = unixSec + UNIX_TO_INTERNAL;
  const out = new Uint8Array(15);
  const dv = new DataView(out.buffer);
  out[0] = 1;
  dv.setBigInt64(1, BigInt(sec));
  dv.setInt32(9, nsec);
  dv.setInt16(13, -1);
  return out;
}

/** Go's `Time.UnmarshalBinary`, as a JS `Date` (nanoseconds below a millisecond and the zone are dropped). */
export function unmarshalTime(b: Uint8Array): Date {
  if (b.length === 0) throw new Error('Time.UnmarshalBinary: no data');
  const version = b[0];
  if (version !== 1 && version !== 2) throw new Error('Time.UnmarshalBinary: unsupported version');
  if (b.length !== (version === 1 ? 15 : 16)) throw new Error('Time.UnmarshalBinary: invalid length');
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const sec = dv.getBigInt64(1);
  const nsec = dv.getInt32(9);
  const ms = Number(sec - BigInt(UNIX_TO_INTERNAL)) * 1000 + Math.floor(nsec / 1e6);
  if (!(Math.abs(ms) <= MAX_DATE_MS)) throw new Error('Time.UnmarshalBinary: time out of the range of a JS Date');
  return new Date(ms);
}

let timeSchema: MarshalerSchema<Date> | undefined;

/**
 * Go's `time.Time` (a GobEncoder) as a JS `Date`. Encoded like Go's
 * `MarshalBinary` in UTC; decoding accepts both versions of the format,
 * drops the zone offset (a `Date` is an instant) and the nanoseconds below a
 * millisecond. A `Date` equal to Go's zero time (0001-01-01 UTC) is a zero
 * value, so struct fields holding it are omitted like in Go.
 *
 * @example
 * ```ts
 * const Event = t.struct('Event', { Name: t.string(), When: t.time() });
 * ```
 */
export function time(): MarshalerSchema<Date> {
  timeSchema ??= t.marshaler<Date>({
    name: 'Time',
    pkg: 'time',
    via: 'GobEncoder',
    encode: marshalTime,
    decode: unmarshalTime,
    isZero: (d) => d.getTime() === GO_ZERO_TIME_MS,
    zero: () => new Date(GO_ZERO_TIME_MS),
  });
  return timeSchema;
}
