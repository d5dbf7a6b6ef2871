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

/** `x` is an EventBridge envelope (source, detail-type, detail) with the given source. */
export function isEventBridgeFrom(x: unknown, source: string | ((s: string) => boolean), detailType?: (d: string) => boolean): boolean {
  if (!isRecord(x)) return false;
  const s = x.source;
  const d = x['detail-type'];
  if (typeof s !== 'string' || typeof d !== 'string' || !('detail' in x)) return false;
  if (typeof source === 'string' ? s !== source : !source(s)) return false;
  return detailType ? detailType(d) : true;
}
