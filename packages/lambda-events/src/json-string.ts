declare const jsonType: unique symbol;

/**
 * A string that holds JSON of type `T`. At run time it is a plain string; the
 * phantom type lets `parseBody` infer `T` from `SQSEvent<T>`.
 */
export type JsonString<T> = string & { readonly [jsonType]?: T };
