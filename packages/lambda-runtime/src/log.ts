import { format } from './node-util.js';
import { currentContext } from './context.js';

/** Log levels, lowest first, as `AWS_LAMBDA_LOG_LEVEL` names them. */
export type LogLevel = 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'FATAL';
const RANK: Record<LogLevel, number> = { TRACE: 1, DEBUG: 2, INFO: 3, WARN: 4, ERROR: 5, FATAL: 6 };

/** How log lines are written: Lambda's text format or JSON lines. */
export interface LogConfig {
  format: 'TEXT' | 'JSON';
  /** Lowest level written (JSON format; the structured logger in both formats). */
  level: LogLevel;
  write: (line: string) => void;
}

const toStdout = (line: string): void => {
  process.stdout.write(line);
};

const config: LogConfig = { format: 'TEXT', level: 'TRACE', write: toStdout };

/** Reads `AWS_LAMBDA_LOG_FORMAT` and `AWS_LAMBDA_LOG_LEVEL`. */
export function configureLogging(env: NodeJS.ProcessEnv = process.env, write?: (line: string) => void): LogConfig {
  config.format = env.AWS_LAMBDA_LOG_FORMAT?.toUpperCase() === 'JSON' ? 'JSON' : 'TEXT';
  const level = env.AWS_LAMBDA_LOG_LEVEL?.toUpperCase();
  config.level = level && level in RANK ? (level as LogLevel) : config.format === 'JSON' ? 'INFO' : 'TRACE';
  config.write = write ?? toStdout;
  return config;
}

function enabled(level: LogLevel): boolean {
  return RANK[level] >= RANK[config.level];
}

function errorFields(value: unknown): Record<string, unknown> | undefined {
  if (!(value instanceof Error)) return undefined;
  return {
    errorType: value.name,
    errorMessage: value.message,
    stackTrace: typeof value.stack === 'string' ? value.stack.split('\n') : [],
  };
}

function jsonReplacer(_key: string, value: unknown): unknown {
  const fields = errorFields(value);
  return fields ? { ...fields, ...(value as object) } : value;
}

/**
 * Formats one log record in the configured format (text: `timestamp\trequestId\tLEVEL\tmessage`
 * with newlines turned into `\r` so a record stays one CloudWatch event; JSON:
 * `{timestamp, level, requestId, tenantId?, message, ...}`) and writes it.
 */
export function emit(level: LogLevel, args: unknown[], fields?: Record<string, unknown>): void {
  const ctx = currentContext();
  const timestamp = new Date().toISOString();
  const requestId = ctx?.awsRequestId;
  let line: string;
  if (config.format === 'JSON') {
    const record: Record<string, unknown> = { timestamp, level, requestId };
    if (ctx?.tenantId) record.tenantId = ctx.tenantId;
    if (args.length === 1 && typeof args[0] !== 'string' && !fields) {
      record.message = args[0];
    } else {
      record.message = format(...args);
      for (const a of args) {
        const e = errorFields(a);
        if (e) {
          Object.assign(record, e);
          break;
        }
      }
    }
    if (fields) Object.assign(record, fields, { timestamp, level, requestId });
    try {
      line = JSON.stringify(record, jsonReplacer);
    } catch {
      record.message = format(record.message);
      line = JSON.stringify({ timestamp, level, requestId, message: format(...args) });
    }
  } else {
    let message = format(...args);
    if (fields) {
      try {
        message += ` ${JSON.stringify(fields, jsonReplacer)}`;
      } catch {
        message += ` ${format(fields)}`;
      }
    }
    line = `${timestamp}\t${requestId}\t${level}\t${message.replace(/\n/g, '\r')}`;
  }
  config.write(`${line}\n`);
}

const CONSOLE_LEVELS: [keyof Console, LogLevel][] = [
  ['log', 'INFO'],
  ['info', 'INFO'],
  ['debug', 'DEBUG'],
  ['warn', 'WARN'],
  ['error', 'ERROR'],
  ['trace', 'TRACE'],
];

let patched: Map<keyof Console, unknown> | undefined;

/**
 * Routes `console.log/info/debug/warn/error/trace` through the Lambda log
 * format, tagged with the current request id (as the Node.js runtime does).
 * In JSON format, records below `AWS_LAMBDA_LOG_LEVEL` are dropped.
 * Returns a function that restores the original methods.
 */
export function patchConsole(): () => void {
  if (!patched) {
    patched = new Map();
    for (const [method, level] of CONSOLE_LEVELS) {
      patched.set(method, console[method]);
      (console as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        if (config.format === 'JSON' && !enabled(level)) return;
        emit(level, args);
      };
    }
  }
  return () => {
    if (!patched) return;
    for (const [method, original] of patched) (console as unknown as Record<string, unknown>)[method] = original;
    patched = undefined;
  };
}

/** A structured log method: a message and optional fields (merged into JSON records). */
export type LogMethod = (message: string, fields?: Record<string, unknown>) => void;

/** The structured logger: one method per level. */
export interface Logger {
  trace: LogMethod;
  debug: LogMethod;
  info: LogMethod;
  warn: LogMethod;
  error: LogMethod;
  fatal: LogMethod;
}

function method(level: LogLevel): LogMethod {
  return (message, fields) => {
    if (enabled(level)) emit(level, [message], fields);
  };
}

/**
 * A small structured logger in Lambda's log format, filtered by
 * `AWS_LAMBDA_LOG_LEVEL`. With `AWS_LAMBDA_LOG_FORMAT=JSON` the fields are
 * merged into the JSON record; in text format they follow the message as JSON.
 *
 * @example
 * ```ts
 * import { logger } from '@tslambda/lambda-runtime';
 * logger.info('order stored', { orderId: 42 });
 * // {"timestamp":"...","level":"INFO","requestId":"...","message":"order stored","orderId":42}
 * ```
 */
export const logger: Logger = {
  trace: method('TRACE'),
  debug: method('DEBUG'),
  info: method('INFO'),
  warn: method('WARN'),
  error: method('ERROR'),
  fatal: method('FATAL'),
};
