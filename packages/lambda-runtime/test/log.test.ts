import { afterEach, describe, expect, it } from 'vitest';
import { configureLogging, createContext, functionInfoFromEnv, logger, patchConsole, runWithContext } from '@tslambda/lambda-runtime';

const lines: string[] = [];
const sink = (l: string) => void lines.push(l);
afterEach(() => {
  lines.length = 0;
  configureLogging({});
});

const ctx = () => createContext({ requestId: 'rid-1', deadlineMs: Date.now() + 1000, invokedFunctionArn: 'arn', tenantId: 't1' }, functionInfoFromEnv({}));

describe('logging', () => {
  it('patches console in the text format, outside invocations with requestId undefined', () => {
    configureLogging({}, sink);
    const restore = patchConsole();
    try {
      console.log('outside %d', 5);
      runWithContext(ctx(), () => console.debug('inside\nsecond'));
    } finally {
      restore();
    }
    expect(lines[0]).toMatch(/^\S+Z\tundefined\tINFO\toutside 5\n$/);
    expect(lines[1]).toMatch(/^\S+Z\trid-1\tDEBUG\tinside\rsecond\n$/);
  });

  it('filters console by AWS_LAMBDA_LOG_LEVEL in JSON format only (as Lambda does)', () => {
    configureLogging({ AWS_LAMBDA_LOG_LEVEL: 'ERROR' }, sink);
    const restore = patchConsole();
    try {
      console.info('kept in text format');
    } finally {
      restore();
    }
    expect(lines).toHaveLength(1);
    configureLogging({ AWS_LAMBDA_LOG_FORMAT: 'json', AWS_LAMBDA_LOG_LEVEL: 'error' }, sink);
    const restore2 = patchConsole();
    try {
      runWithContext(ctx(), () => {
        console.info('dropped');
        console.error('kept', { a: 1 });
      });
    } finally {
      restore2();
    }
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1]!)).toMatchObject({ level: 'ERROR', requestId: 'rid-1', tenantId: 't1', message: 'kept { a: 1 }' });
  });

  it('JSON default level is INFO; a lone object stays an object', () => {
    configureLogging({ AWS_LAMBDA_LOG_FORMAT: 'JSON' }, sink);
    const restore = patchConsole();
    try {
      console.debug('dropped');
      console.log({ nested: { ok: true } });
    } finally {
      restore();
    }
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!).message).toEqual({ nested: { ok: true } });
  });

  it('structured logger: fields merge into JSON records and trail text records', () => {
    configureLogging({ AWS_LAMBDA_LOG_FORMAT: 'JSON', AWS_LAMBDA_LOG_LEVEL: 'DEBUG' }, sink);
    logger.trace('dropped');
    runWithContext(ctx(), () => logger.debug('stored', { orderId: 42, level: 'spoofed', err: new RangeError('r') }));
    expect(lines).toHaveLength(1);
    const rec = JSON.parse(lines[0]!);
    expect(rec).toMatchObject({ level: 'DEBUG', requestId: 'rid-1', message: 'stored', orderId: 42, err: { errorType: 'RangeError', errorMessage: 'r' } });
    configureLogging({ AWS_LAMBDA_LOG_LEVEL: 'WARN' }, sink);
    logger.info('dropped');
    logger.fatal('down', { code: 3 });
    expect(lines[1]).toMatch(/^\S+Z\tundefined\tFATAL\tdown {"code":3}\n$/);
  });

  it('survives circular values', () => {
    configureLogging({ AWS_LAMBDA_LOG_FORMAT: 'JSON' }, sink);
    const o: Record<string, unknown> = {};
    o.self = o;
    logger.info('circular', { o });
    expect(JSON.parse(lines[0]!).message).toContain('circular');
  });
});
