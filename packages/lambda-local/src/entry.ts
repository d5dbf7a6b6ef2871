import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { EntryNotFoundError } from './errors.js';

/** How a function process is started. */
export interface ResolvedEntry {
  /** The program: `node` (`process.execPath`) for JavaScript, or the entry itself when it is an executable (a Go binary). */
  command: string;
  /** Whether `command` is node (then `nodeArgs` apply). */
  node: boolean;
  /** Arguments after the command. */
  args: string[];
  /** `LAMBDA_TASK_ROOT`. */
  taskRoot: string;
  /** `_HANDLER`. */
  handler: string;
}

const EXTENSIONS = ['.js', '.mjs', '.cjs'];

/** Path of `@tslambda/lambda-runtime`'s `tslambda-runtime` bin. */
export function runtimeBinPath(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@tslambda/lambda-runtime/package.json')), 'dist', 'bin.js');
}

/**
 * Resolves what the user gave as the function:
 * - a file (`dist/index.js`): a program that calls `start(...)`, run as `node file`
 *   (like a `provided.al2023` bootstrap);
 * - `file.handler` (`dist/index.handler`, `app.handlers.main`): an exported handler,
 *   run through `tslambda-runtime` with `_HANDLER`, like AWS's Node.js runtime;
 * - an executable file (not `.js`): run as it is, like a go1.x function binary.
 *
 * Throws {@link EntryNotFoundError}.
 *
 * @example
 * ```ts
 * resolveEntry('dist/index.handler'); // { command: node, args: [<tslambda-runtime bin>, 'index.handler'], taskRoot: '<cwd>/dist', ... }
 * ```
 */
export function resolveEntry(entry: string, cwd = process.cwd()): ResolvedEntry {
  const file = path.resolve(cwd, entry);
  if (existsSync(file) && statSync(file).isFile()) {
    const base = { taskRoot: path.dirname(file), handler: path.basename(file) };
    // A native executable (a Go function built for go1.x, a bootstrap binary) runs as it is.
    if (!/\.[cm]?js$/.test(file) && isExecutable(file)) return { ...base, command: file, node: false, args: [] };
    return { ...base, command: process.execPath, node: true, args: [file] };
  }
  // `dir/module.export[.deeper]`: the module is the part before the first dot of the last segment.
  const slash = entry.lastIndexOf('/');
  const rest = entry.slice(slash + 1);
  const dot = rest.indexOf('.');
  if (dot > 0 && dot < rest.length - 1) {
    const moduleBase = path.resolve(cwd, entry.slice(0, slash + 1) + rest.slice(0, dot));
    const found = EXTENSIONS.find((ext) => existsSync(moduleBase + ext));
    if (found) {
      const taskRoot = path.dirname(moduleBase);
      const handler = path.basename(moduleBase) + rest.slice(dot);
      return { command: process.execPath, node: true, args: [runtimeBinPath(), handler], taskRoot, handler };
    }
  }
  throw new EntryNotFoundError(
    `cannot find the function "${entry}": give a JS file that calls start() (e.g. dist/index.js) or a handler as file.export (e.g. dist/index.handler)`,
  );
}

function isExecutable(file: string): boolean {
  if (process.platform === 'win32') return /\.exe$/i.test(file);
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
