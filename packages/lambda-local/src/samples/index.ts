import { UnknownEventKindError } from '../errors.js';
import { ALIASES, SAMPLES } from './data.js';
import type { Sample } from './types.js';

export type { Sample } from './types.js';

/** The sample event kinds (`s3`, `sqs`, `http-api`, ...), one per event type of `@tslambda/lambda-events`. */
export function sampleKinds(): string[] {
  return Object.keys(SAMPLES);
}

/**
 * A sample event to start from: AWS's documentation sample of that event
 * source, as a fresh copy. Throws {@link UnknownEventKindError}.
 *
 * @example
 * ```ts
 * const event = sampleEvent('s3').event as S3Event;
 * ```
 */
export function sampleEvent(kind: string): Sample {
  const key = kind.toLowerCase();
  const sample = SAMPLES[ALIASES[key] ?? key];
  if (!sample) {
    const all = [...Object.keys(SAMPLES), ...Object.keys(ALIASES)];
    const near = all.filter((k) => k.includes(key) || key.includes(k) || distance(k, key) <= 2);
    throw new UnknownEventKindError(kind, near.slice(0, 5));
  }
  return structuredClone(sample);
}

/** Other accepted names of kinds (`api-gateway` → `rest-api`, ...). */
export function sampleAliases(): Record<string, string> {
  return { ...ALIASES };
}

/** Levenshtein distance, for suggestions. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}
