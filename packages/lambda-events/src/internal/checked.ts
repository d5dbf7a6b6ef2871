import { LambdaEventError } from '../errors.js';

/** `value` as `T`, after `guard` when one is given (`INVALID_BODY` otherwise). */
export function checked<T>(value: unknown, guard: ((v: unknown) => v is T) | undefined, path: string): T {
  if (guard && !guard(value)) throw new LambdaEventError('INVALID_BODY', 'data does not have the expected shape', { path });
  return value as T;
}
