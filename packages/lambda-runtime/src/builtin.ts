type WithBuiltins = { getBuiltinModule?: (id: string) => unknown };

/**
 * A built-in module from `process.getBuiltinModule` (Node 20.16 and later),
 * or undefined before it. Unlike an ESM `import`, it builds no ESM wrapper,
 * which reads every export and so loads lazy parts of the module: for
 * `node:util` and `node:http` that is worker_threads, the diff engine or
 * undici's WebSocket, ~5 to ~50 ms on Node 22 and 24.
 */
export function builtin<T>(id: `node:${string}`): T | undefined {
  return (process as unknown as WithBuiltins).getBuiltinModule?.(id) as T | undefined;
}
