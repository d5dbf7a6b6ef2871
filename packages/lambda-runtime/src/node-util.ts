import type * as Util from 'node:util';
import { builtin } from './builtin.js';

// `format` and `types` of node:util without an ESM import of it (its ESM wrapper costs ~1–2 ms at
// start-up on Node 20 and ~5 ms on Node 22 and 24: see `builtin`).
const util = builtin<typeof Util>('node:util');

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
