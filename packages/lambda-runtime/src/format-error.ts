/** One parsed JavaScript stack frame. */
export interface StackFrame {
  /** File path (a `file://` URL is turned into its path), or `node:...`, or `<anonymous>`. */
  path: string;
  /** Line number, 0 when unknown. */
  line: number;
  /** Function label (`Object.handler`, `async run`), `anonymous` when the frame has none. */
  label: string;
}

/** The body the Runtime API takes on `/error` and `/init/error` (the Node.js runtime's error JSON). */
export interface ErrorResponse {
  errorType: string;
  errorMessage: string;
  /** Stack lines, as the Runtime API documents the field. */
  stackTrace: string[];
  /** The same lines under the name the Node.js runtime uses. */
  trace: string[];
}

/** go1.x `messages.InvokeResponse_Error_StackFrame`. */
export interface InvokeResponseErrorStackFrame {
  Path: string;
  Line: number;
  Label: string;
}

/** go1.x `messages.InvokeResponse_Error`. */
export interface InvokeResponseError {
  Message: string;
  Type: string;
  StackTrace: InvokeResponseErrorStackFrame[];
  ShouldExit: boolean;
}

const FRAME = /^\s*at (?:(.+?) \()?(.+?)(?::(\d+))?(?::(\d+))?\)?$/;

/**
 * Parses the frames of a V8 stack string (`at label (path:line:col)` lines);
 * other lines (the message) are skipped.
 *
 * @example
 * ```ts
 * parseStack('Error: x\n    at run (/var/task/index.js:3:9)');
 * // [{ path: '/var/task/index.js', line: 3, label: 'run' }]
 * ```
 */
export function parseStack(stack: string | undefined): StackFrame[] {
  if (typeof stack !== 'string') return [];
  const frames: StackFrame[] = [];
  for (const raw of stack.split('\n')) {
    if (!/^\s+at /.test(raw)) continue;
    const m = FRAME.exec(raw);
    if (!m) continue;
    let path = m[2] ?? '';
    let label = m[1];
    if (label === undefined && !m[3] && !path.includes('/') && !path.startsWith('<')) {
      // `at label` with no location
      label = path;
      path = '<anonymous>';
    }
    if (path.startsWith('file://')) path = decodeFileUrl(path);
    frames.push({ path, line: m[3] ? Number(m[3]) : 0, label: label || 'anonymous' });
  }
  return frames;
}

function decodeFileUrl(url: string): string {
  try {
    return decodeURIComponent(url.slice('file://'.length));
  } catch {
    return url.slice('file://'.length);
  }
}

function isError(value: unknown): value is Error {
  return value instanceof Error || (typeof value === 'object' && value !== null && typeof (value as Error).message === 'string' && typeof (value as Error).name === 'string');
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * Formats a thrown value the way the Node.js runtime reports it to the
 * Runtime API: an `Error` gives its `name`, `message` and stack lines; any
 * other value gives `typeof value` and `String(value)`.
 *
 * @example
 * ```ts
 * formatError(new TypeError('bad'));
 * // { errorType: 'TypeError', errorMessage: 'bad', stackTrace: ['TypeError: bad', '    at ...'], trace: [...] }
 * ```
 */
export function formatError(error: unknown): ErrorResponse {
  try {
    if (isError(error)) {
      const lines = typeof error.stack === 'string' ? error.stack.split('\n') : [];
      return { errorType: String(error.name), errorMessage: String(error.message), stackTrace: lines, trace: lines };
    }
    return { errorType: typeof error, errorMessage: safeString(error), stackTrace: [], trace: [] };
  } catch {
    return {
      errorType: 'handled',
      errorMessage: 'the handler failed with an error whose name, message or stack could not be read',
      stackTrace: [],
      trace: [],
    };
  }
}

/**
 * The go1.x protocol's `InvokeResponse_Error` for a thrown value: `Type` is
 * the error's `name`, `Message` its message, `StackTrace` the parsed frames.
 * A non-`Error` value is reported as Go reports a panic value: `Type` is the
 * Go name of its dynamic type (`string`, `int`, `float64`, `bool`,
 * `map[string]interface {}`, `[]interface {}`), `Message` its `%v` text.
 *
 * @example
 * ```ts
 * toInvokeResponseError(new RangeError('no')).Type; // 'RangeError'
 * toInvokeResponseError('boom'); // { Type: 'string', Message: 'boom', StackTrace: [], ShouldExit: false }
 * ```
 */
export function toInvokeResponseError(error: unknown, shouldExit = false): InvokeResponseError {
  try {
    if (isError(error)) {
      return {
        Message: String(error.message),
        Type: String(error.name),
        StackTrace: parseStack(error.stack).map((f) => ({ Path: f.path, Line: f.line, Label: f.label })),
        ShouldExit: shouldExit,
      };
    }
    return { Message: goValueText(error), Type: goTypeName(error), StackTrace: [], ShouldExit: shouldExit };
  } catch {
    return { Message: 'unprintable thrown value', Type: 'unknown', StackTrace: [], ShouldExit: shouldExit };
  }
}

function goTypeName(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return Number.isInteger(value) ? 'int' : 'float64';
    case 'bigint':
      return 'int64';
    case 'boolean':
      return 'bool';
    case 'function':
      return 'func()';
    case 'symbol':
      return 'symbol';
    case 'undefined':
      return 'PanicNilError';
    default:
      if (value === null) return 'PanicNilError';
      if (Array.isArray(value)) return '[]interface {}';
      return 'map[string]interface {}';
  }
}

function goValueText(value: unknown): string {
  if (value === null || value === undefined) return 'panic called with nil argument';
  if (typeof value === 'object') return goFormat(value, 0);
  return safeString(value);
}

// Go's %v of a decoded JSON value: map[k:v ...] with sorted keys, [a b c].
function goFormat(value: unknown, depth: number): string {
  if (depth > 8) return '...';
  if (value === null || value === undefined) return '<nil>';
  if (Array.isArray(value)) return `[${value.map((v) => goFormat(v, depth + 1)).join(' ')}]`;
  if (typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `map[${keys.map((k) => `${k}:${goFormat((value as Record<string, unknown>)[k], depth + 1)}`).join(' ')}]`;
  }
  return safeString(value);
}

/** X-Ray's error-cause document for `Lambda-Runtime-Function-XRay-Error-Cause`. */
export interface XRayErrorCause {
  working_directory: string;
  exceptions: { type: string; message: string; stack: StackFrame[] }[];
  paths: string[];
}

/**
 * The X-Ray error cause of a thrown `Error` (undefined for other values).
 *
 * @example
 * ```ts
 * xrayErrorCause(new Error('x'))?.exceptions[0]?.type; // 'Error'
 * ```
 */
export function xrayErrorCause(error: unknown, cwd = process.cwd()): XRayErrorCause | undefined {
  if (!isError(error)) return undefined;
  try {
    const stack = parseStack(error.stack);
    return {
      working_directory: cwd,
      exceptions: [{ type: String(error.name), message: String(error.message), stack }],
      paths: [...new Set(stack.map((f) => f.path))],
    };
  } catch {
    return undefined;
  }
}

/** Makes a string safe as an HTTP header value: characters outside latin-1 printable are %-escaped. */
export function headerSafe(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[^\t\x20-\x7e]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** JSON with every non-ASCII character \u-escaped, so it fits in an HTTP header. */
export function asciiJson(value: unknown): string {
  // eslint-disable-next-line no-control-regex
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
