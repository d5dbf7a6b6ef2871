import { describe, expect, it } from 'vitest';
import { resolveConfig, RuntimeConfigError } from '@tslambda/lambda-runtime';

describe('resolveConfig', () => {
  it('prefers go1.x when _LAMBDA_SERVER_PORT is set, like aws-lambda-go', () => {
    expect(resolveConfig({ _LAMBDA_SERVER_PORT: '8001', AWS_LAMBDA_RUNTIME_API: '127.0.0.1:9001' })).toEqual({
      protocol: 'go1.x', port: 8001, concurrency: 1, snapStart: false,
    });
    expect(resolveConfig({ AWS_LAMBDA_RUNTIME_API: '127.0.0.1:9001' })).toMatchObject({ protocol: 'runtime-api', runtimeApi: '127.0.0.1:9001' });
  });

  it('is overridable by option and by TSLAMBDA_PROTOCOL', () => {
    const env = { _LAMBDA_SERVER_PORT: '8001', AWS_LAMBDA_RUNTIME_API: 'localhost:9001' };
    expect(resolveConfig(env, { protocol: 'runtime-api' }).protocol).toBe('runtime-api');
    expect(resolveConfig({ ...env, TSLAMBDA_PROTOCOL: 'runtime-api' }).protocol).toBe('runtime-api');
    expect(resolveConfig({ AWS_LAMBDA_RUNTIME_API: 'h:1' }, { port: 9000 }).protocol).toBe('go1.x');
    expect(resolveConfig({}, { runtimeApi: '[::1]:9001' }).runtimeApi).toBe('[::1]:9001');
  });

  it('reads AWS_LAMBDA_MAX_CONCURRENCY and the SnapStart init type', () => {
    expect(resolveConfig({ AWS_LAMBDA_RUNTIME_API: 'h:1', AWS_LAMBDA_MAX_CONCURRENCY: '64', AWS_LAMBDA_INITIALIZATION_TYPE: 'snap-start' })).toMatchObject({
      concurrency: 64, snapStart: true,
    });
  });

  const bad: [Record<string, string>, string][] = [
    [{}, 'neither _LAMBDA_SERVER_PORT'],
    [{ _LAMBDA_SERVER_PORT: 'abc' }, 'must be a TCP port'],
    [{ _LAMBDA_SERVER_PORT: '0' }, 'must be a TCP port'],
    [{ _LAMBDA_SERVER_PORT: '65536' }, 'must be a TCP port'],
    [{ AWS_LAMBDA_RUNTIME_API: 'http://h:1' }, 'must be host:port'],
    [{ AWS_LAMBDA_RUNTIME_API: 'h:99999' }, 'bad port'],
    [{ AWS_LAMBDA_RUNTIME_API: 'h:1', AWS_LAMBDA_MAX_CONCURRENCY: '0' }, 'AWS_LAMBDA_MAX_CONCURRENCY'],
    [{ AWS_LAMBDA_RUNTIME_API: 'h:1', AWS_LAMBDA_MAX_CONCURRENCY: '2.5' }, 'AWS_LAMBDA_MAX_CONCURRENCY'],
    [{ AWS_LAMBDA_RUNTIME_API: 'h:1', TSLAMBDA_PROTOCOL: 'grpc' }, 'unknown protocol'],
    [{ TSLAMBDA_PROTOCOL: 'go1.x' }, 'needs _LAMBDA_SERVER_PORT'],
  ];
  for (const [env, message] of bad) {
    it(`rejects ${JSON.stringify(env)}`, () => {
      expect(() => resolveConfig(env)).toThrow(RuntimeConfigError);
      expect(() => resolveConfig(env)).toThrow(message);
      try {
        resolveConfig(env);
      } catch (err) {
        expect(err).toMatchObject({ name: 'Runtime.ConfigError', code: 'ERR_RUNTIME_CONFIG' });
      }
    });
  }
});
