import type * as Util from 'node:util';

// `format` and `types` of node:util without an ESM import of it. For an ESM import Node builds a
// wrapper that reads every export of the built-in module, and for node:util that loads
// worker_threads, the diff engine, parseArgs and more: ~1–2 ms at start-up on Node 20 and ~5 ms on
// Node 22 and 24. `process.getBuiltinModule` (Node 20.16 and later) returns the module as it is.

type WithBuiltins = { getBuiltinModule?: (id: 'node:util') => typeof Util };
const util = (process as unknown as WithBuiltins).getBuiltinModule?.('node:util');

/** `util.types`; undefined before Node 20.16 (the byte writer then leaves results to `JSON.stringify`). */
export const utilTypes: typeof Util.types | undefined = util?.types;

/** `util.format`; before Node 20.16, the same function reached through {@link consoleFormat}. */
export const format: (...args: unknown[]) => string = util?.format ?? consoleFormat();

/**
 * `util.format` through a private `console.Console`: its `log` formats the
 * arguments with `util.format` (no colours) and writes the line to its
 * stream synchronously.
 */
export function consoleFormat(): (...args: unknown[]) => string {
  let line = '';
  const sink = {
    write(chunk: string): boolean {
      line = chunk;
      return true;
    },
  };
  const con = new console.Console({ stdout: sink as unknown as NodeJS.WritableStream, ignoreErrors: false, colorMode: false });
  return (...args) => {
    con.log(...args);
    return line.slice(0, -1);
  };
}
