import { RuntimeConfigError } from './errors.js';

/** The two Lambda protocols. */
export type Protocol = 'runtime-api' | 'go1.x';

/** The protocol and its settings, from options then the environment. */
export interface ResolvedConfig {
  protocol: Protocol;
  port?: number;
  runtimeApi?: string;
  concurrency: number;
  snapStart: boolean;
}

/** What {@link resolveConfig} reads from `start()` options. */
export interface ConfigOptions {
  protocol?: Protocol;
  runtimeApi?: string;
  port?: number;
  maxConcurrency?: number;
}

/**
 * Picks the protocol as aws-lambda-go does: `_LAMBDA_SERVER_PORT` (go1.x)
 * first, then `AWS_LAMBDA_RUNTIME_API`; `options.protocol` or
 * `TSLAMBDA_PROTOCOL` override. Throws {@link RuntimeConfigError}.
 */
export function resolveConfig(env: NodeJS.ProcessEnv, options: ConfigOptions = {}): ResolvedConfig {
  const forced = options.protocol ?? (env.TSLAMBDA_PROTOCOL || undefined);
  if (forced !== undefined && forced !== 'runtime-api' && forced !== 'go1.x') {
    throw new RuntimeConfigError(`unknown protocol "${forced}" (expected "runtime-api" or "go1.x")`);
  }
  const portText = options.port !== undefined ? String(options.port) : env._LAMBDA_SERVER_PORT;
  const runtimeApi = options.runtimeApi ?? env.AWS_LAMBDA_RUNTIME_API;
  const protocol: Protocol | undefined = forced ?? (portText ? 'go1.x' : runtimeApi ? 'runtime-api' : undefined);
  if (!protocol) {
    throw new RuntimeConfigError(
      'not running under Lambda: neither _LAMBDA_SERVER_PORT (go1.x) nor AWS_LAMBDA_RUNTIME_API (Runtime API) is set',
    );
  }
  const concurrency = parseConcurrency(options.maxConcurrency !== undefined ? String(options.maxConcurrency) : env.AWS_LAMBDA_MAX_CONCURRENCY);
  const snapStart = env.AWS_LAMBDA_INITIALIZATION_TYPE === 'snap-start';
  if (protocol === 'go1.x') {
    if (!portText) throw new RuntimeConfigError('the go1.x protocol needs _LAMBDA_SERVER_PORT');
    if (!/^\d{1,5}$/.test(portText.trim()) || Number(portText) < 1 || Number(portText) > 65535) {
      throw new RuntimeConfigError(`_LAMBDA_SERVER_PORT must be a TCP port (1-65535), got "${portText}"`);
    }
    return { protocol, port: Number(portText), concurrency, snapStart };
  }
  if (!runtimeApi) throw new RuntimeConfigError('the Runtime API protocol needs AWS_LAMBDA_RUNTIME_API');
  if (!/^(?:\[[0-9a-fA-F:.]+\]|[^:/\s\[\]]+)(?::\d{1,5})?$/.test(runtimeApi.trim())) {
    throw new RuntimeConfigError(`AWS_LAMBDA_RUNTIME_API must be host:port, got "${runtimeApi}"`);
  }
  const port = Number(/:(\d+)$/.exec(runtimeApi.trim())?.[1] ?? 80);
  if (port < 1 || port > 65535) throw new RuntimeConfigError(`AWS_LAMBDA_RUNTIME_API has a bad port: "${runtimeApi}"`);
  return { protocol, runtimeApi: runtimeApi.trim(), concurrency, snapStart };
}

function parseConcurrency(text: string | undefined): number {
  if (text === undefined || text === '') return 1;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) {
    throw new RuntimeConfigError(`AWS_LAMBDA_MAX_CONCURRENCY must be an integer from 1 to 10000, got "${text}"`);
  }
  return n;
}
