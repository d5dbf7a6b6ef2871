import type { BodyType, InferBody } from './body.js';

/** What a method implementation learns about its call. */
export interface CallContext {
  /** `"Service.Method"` as the client sent it. */
  readonly serviceMethod: string;
  /** The call's sequence number on its connection. */
  readonly seq: number;
  /**
   * Aborted when the answer can no longer be delivered: the connection closed, or a graceful
   * shutdown ran out of time. `signal.reason` says why.
   */
  readonly signal: AbortSignal;
  /** The peer's address, when the connection is a socket. */
  readonly remoteAddress: string | undefined;
}

/** A method: argument type, reply type, and the implementation. Create one with {@link method}. */
export interface Method<A = unknown, R = unknown> {
  readonly args: BodyType;
  readonly reply: BodyType;
  readonly handler: (args: A, ctx: CallContext) => R | Promise<R>;
  /** The handler is done with the argument's byte arrays when it returns or first awaits (see {@link method}). */
  readonly transientArgs?: boolean;
  /** Called once the server is done with a reply (see {@link method}). */
  onReplyWritten?(reply: R): void;
}

/** The methods of a service, by method name (`"Invoke"` for `"Function.Invoke"`). */
export type Methods = Record<string, Method<never, unknown>>;

/**
 * Defines a method with its argument and reply types. The implementation gets the decoded
 * argument and returns (or resolves to) the reply; a thrown error's `message` goes back to the
 * caller in `Response.Error`, as when a Go method returns an error.
 *
 * `transientArgs: true` promises that the handler reads the argument's byte arrays (gob
 * `[]byte` fields, which are views of the connection's input) before it returns or first
 * awaits, and keeps no reference to them: the connection may then reuse that memory for the
 * next calls instead of allocating (useful for large arguments).
 *
 * `onReplyWritten(reply)` is called once the server is done with a reply the handler returned:
 * its bytes were written to the connection, or never will be (the connection closed, the reply
 * could not be encoded). With it, the gob codec writes large byte arrays of the reply (2 KiB
 * and more) from the reply's own memory instead of copying them: keep them unmodified until
 * the call, then reuse them (e.g. return a pooled buffer to its pool).
 *
 * @example
 * ```ts
 * const Ping = method({ args: PingRequest, reply: PingResponse, handler: async () => ({}) });
 * server.register('Function', { Ping });
 * ```
 */
export function method<AS extends BodyType, RS extends BodyType>(def: {
  args: AS;
  reply: RS;
  handler: (args: InferBody<AS>, ctx: CallContext) => InferBody<RS> | Promise<InferBody<RS>>;
  transientArgs?: boolean;
  onReplyWritten?: (reply: InferBody<RS>) => void;
}): Method<InferBody<AS>, InferBody<RS>> {
  const m: { -readonly [K in keyof Method<InferBody<AS>, InferBody<RS>>]: Method<InferBody<AS>, InferBody<RS>>[K] } = {
    args: def.args,
    reply: def.reply,
    handler: def.handler,
  };
  if (def.transientArgs === true) m.transientArgs = true;
  if (def.onReplyWritten) m.onReplyWritten = def.onReplyWritten;
  return m;
}
