import { HandlerNotFoundError, ImportModuleError, MalformedHandlerNameError, UserCodeSyntaxError } from './errors.js';
import type { StreamingHandler } from './stream.js';
import type { Handler } from './types.js';

const EXTENSIONS = ['.js', '.mjs', '.cjs'];

/**
 * Loads a handler by name the way AWS's Node.js runtime does: `_HANDLER`
 * `dir/index.handler` is export `handler` (a dotted path may go deeper) of
 * `dir/index.js`, `.mjs` or `.cjs` under `appRoot`, or of a package in
 * `node_modules`; ES modules and CommonJS both work. Throws
 * `Runtime.MalformedHandlerName`, `Runtime.ImportModuleError`,
 * `Runtime.UserCodeSyntaxError` or `Runtime.HandlerNotFound`; an error thrown
 * by the module's top-level code is thrown as is.
 *
 * @example
 * ```ts
 * import { loadHandler, start } from '@tslambda/lambda-runtime';
 * start(loadHandler(process.env.LAMBDA_TASK_ROOT ?? process.cwd(), process.env._HANDLER ?? 'index.handler'));
 * ```
 */
export async function loadHandler(appRoot: string, handlerString: string): Promise<Handler | StreamingHandler> {
  // Loaded here, not at start-up: only functions started by name need them.
  const [{ existsSync }, { createRequire }, { default: path }, { pathToFileURL }] = await Promise.all([
    import('node:fs'),
    import('node:module'),
    import('node:path'),
    import('node:url'),
  ]);
  const slash = handlerString.lastIndexOf('/');
  const moduleDir = handlerString.slice(0, slash + 1);
  const rest = handlerString.slice(slash + 1);
  const dot = rest.indexOf('.');
  if (dot <= 0 || dot === rest.length - 1) {
    throw new MalformedHandlerNameError(`Bad handler ${handlerString}: expected module.export`);
  }
  const moduleName = moduleDir + rest.slice(0, dot);
  const exportPath = rest.slice(dot + 1).split('.');

  const base = path.resolve(appRoot, moduleName);
  let specifier: string | undefined;
  for (const ext of EXTENSIONS) {
    if (existsSync(base + ext)) {
      specifier = pathToFileURL(base + ext).href;
      break;
    }
  }
  if (!specifier) {
    try {
      specifier = pathToFileURL(createRequire(path.join(path.resolve(appRoot), 'noop.js')).resolve(moduleName)).href;
    } catch {
      throw new ImportModuleError(`Error: Cannot find module '${moduleName}' (looked for ${EXTENSIONS.map((e) => base + e).join(', ')} and node_modules)`);
    }
  }

  let mod: Record<string, unknown>;
  try {
    mod = (await import(specifier)) as Record<string, unknown>;
  } catch (err) {
    if (err instanceof SyntaxError) throw new UserCodeSyntaxError(err);
    const code = (err as { code?: unknown } | null)?.code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') throw new ImportModuleError(String(err), err);
    throw err;
  }

  const found = walk(mod, exportPath) ?? (typeof mod.default === 'object' && mod.default !== null ? walk(mod.default as Record<string, unknown>, exportPath) : undefined);
  if (found === undefined) throw new HandlerNotFoundError(`${handlerString} is undefined or not exported`);
  if (typeof found !== 'function') throw new HandlerNotFoundError(`${handlerString} is not a function`);
  return found as Handler | StreamingHandler;
}

function walk(root: Record<string, unknown>, keys: string[]): unknown {
  let value: unknown = root;
  for (const key of keys) {
    if (typeof value !== 'object' && typeof value !== 'function') return undefined;
    if (value === null || !Object.prototype.hasOwnProperty.call(value, key)) {
      // Module namespace objects have no prototype; plain lookups are fine there.
      if (value === null || !(key in (value as object))) return undefined;
    }
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
