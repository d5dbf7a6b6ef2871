/** A plain object (not null, not an array). */
export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** `x[key]` when `x` is an object, else undefined. */
export function field(x: unknown, key: string): unknown {
  return isRecord(x) ? x[key] : undefined;
}

/** The first element of `x.Records` (or `x.records`) when it is a non-empty array of objects. */
export function firstRecord(x: unknown, key = 'Records'): Record<string, unknown> | undefined {
  const records = field(x, key);
  if (!Array.isArray(records) || records.length === 0) return undefined;
  const first: unknown = records[0];
  return isRecord(first) ? first : undefined;
}

