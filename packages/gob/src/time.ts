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

/**
 * A Go `time.Time` with everything gob sends: the instant with nanosecond
 * precision and the zone offset.
 */
export interface GoTime {
  /** Seconds since 1970-01-01 UTC (negative before); a safe integer. */
  seconds: number;
  /** Nanoseconds within the second, 0..999 999 999. */
  nanos: number;
  /** Zone offset in seconds east of UTC, or `null` for UTC. */
  offset: number | null;
}

/** Go's zero `time.Time` as a {@link GoTime}. */
export const GO_ZERO_TIME: Readonly<GoTime> = Object.freeze({ seconds: -UNIX_TO_INTERNAL, nanos: 0, offset: null });

/** Go's `Time.MarshalBinary` of a {@link GoTime} (version 2 when the offset has seconds). */
export function marshalGoTime(v: GoTime): Uint8Array {
  const { seconds, nanos, offset } = v;
  if (!Number.isSafeInteger(seconds)) throw new Error('GoTime.seconds must be a safe integer');
  if (!Number.isInteger(nanos) || nanos < 0 || nanos > 999_999_999) throw new Error('GoTime.nanos must be 0..999999999');
  let offsetMin = -1;
  let offsetSec = 0;
  if (offset !== null) {
    if (!Number.isInteger(offset)) throw new Error('GoTime.offset must be an integer or null');
    offsetSec = offset % 60;
    offsetMin = Math.trunc(offset / 60);
    if (offsetMin < -32768 || offsetMin === -1 || offsetMin > 32767) throw new Error('Time.MarshalBinary: unexpected zone offset');
  }
  const v2 = offsetSec !== 0;
  const out = new Uint8Array(v2 ? 16 : 15);
  const dv = new DataView(out.buffer);
  out[0] = v2 ? 2 : 1;
  dv.setBigInt64(1, BigInt(seconds) + BigInt(UNIX_TO_INTERNAL));
  dv.setInt32(9, nanos);
  dv.setInt16(13, offsetMin);
  if (v2) dv.setInt8(15, offsetSec);
  return out;
}

/** Go's `Time.UnmarshalBinary` as a {@link GoTime}. */
export function unmarshalGoTime(b: Uint8Array): GoTime {
  if (b.length === 0) throw new Error('Time.UnmarshalBinary: no data');
  const version = b[0];
  if (version !== 1 && version !== 2) throw new Error('Time.UnmarshalBinary: unsupported version');
  if (b.length !== (version === 1 ? 15 : 16)) throw new Error('Time.UnmarshalBinary: invalid length');
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const sec = dv.getBigInt64(1) - BigInt(UNIX_TO_INTERNAL);
  if (sec > BigInt(Number.MAX_SAFE_INTEGER) || sec < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new Error('Time.UnmarshalBinary: seconds out of the safe integer range');
  }
  const nanos = dv.getInt32(9);
  if (nanos < 0 || nanos > 999_999_999) throw new Error('Time.UnmarshalBinary: invalid nanoseconds');
  const offsetMin = dv.getInt16(13);
  let offset: number | null = offsetMin === -1 ? null : offsetMin * 60;
  if (version === 2 && offset !== null) offset += dv.getInt8(15);
  return { seconds: Number(sec), nanos, offset };
}

let preciseSchema: MarshalerSchema<GoTime> | undefined;

/**
 * Go's `time.Time` as a {@link GoTime}: nanoseconds and the zone offset are
 * kept, and re-encoding a decoded value gives Go's bytes back.
 *
 * @example
 * ```ts
 * const Event = t.struct('Event', { When: t.time({ precise: true }) });
 * ```
 */
export function preciseTime(): MarshalerSchema<GoTime> {
  preciseSchema ??= t.marshaler<GoTime>({
    name: 'Time',
    pkg: 'time',
    via: 'GobEncoder',
    encode: marshalGoTime,
    decode: unmarshalGoTime,
    isZero: (v) => v.seconds === GO_ZERO_TIME.seconds && v.nanos === 0 && v.offset === null,
    zero: () => ({ ...GO_ZERO_TIME }),
  });
  return preciseSchema;
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
