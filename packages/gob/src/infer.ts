import type { Schema } from './schema.js';

/**
 * The JS type of the values of schema `S`.
 *
 * @example
 * ```ts
 * const Point = t.struct('Point', { X: t.int(), Y: t.int() });
 * type Point = Infer<typeof Point>; // { X: number; Y: number }
 * ```
 */
export type Infer<S extends Schema<unknown>> = S extends { readonly '~type'?: infer T } ? Exclude<T, undefined> : never;
