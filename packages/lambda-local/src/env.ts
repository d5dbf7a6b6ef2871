import path from 'node:path';

/** What the Lambda environment variables are made from. */
export interface EnvironmentSpec {
  functionName: string;
  memorySize: number;
  region: string;
  taskRoot: string;
  handler: string;
  /** `_LAMBDA_SERVER_PORT` (go1.x) or `AWS_LAMBDA_RUNTIME_API` (Runtime API). */
  transport: { go1xPort: number } | { runtimeApi: string };
  /** Extra variables (the function's configured environment). */
  extra?: Record<string, string>;
  /** Variables of the parent process passed through (PATH, HOME, NODE_OPTIONS...). */
  inherit?: NodeJS.ProcessEnv;
}

const INHERITED = ['PATH', 'HOME', 'NODE_OPTIONS', 'NODE_PATH', 'SYSTEMROOT', 'TMPDIR', 'LANG', 'NO_COLOR', 'FORCE_COLOR'];

/**
 * The environment Lambda gives a function process: the reserved
 * `AWS_LAMBDA_*` variables, region, task root, `_HANDLER`, `TZ=:UTC`, and
 * `_LAMBDA_SERVER_PORT` (go1.x) or `AWS_LAMBDA_RUNTIME_API` (Runtime API).
 * A few host variables (PATH, HOME, NODE_OPTIONS...) are kept so `node` runs;
 * nothing else leaks from the parent. No credentials are set.
 *
 * @example
 * ```ts
 * const env = functionEnvironment({ functionName: 'orders', memorySize: 128, region: 'us-east-1', taskRoot: '/var/task',
 *   handler: 'index.handler', transport: { runtimeApi: '127.0.0.1:9001' } }, '2024/01/31/[$LATEST]abc');
 * ```
 */
export function functionEnvironment(spec: EnvironmentSpec, logStream: string): Record<string, string> {
  const env: Record<string, string> = {};
  const inherit = spec.inherit ?? process.env;
  for (const name of INHERITED) {
    const v = inherit[name];
    if (v !== undefined) env[name] = v;
  }
  Object.assign(env, spec.extra ?? {}, {
    AWS_LAMBDA_FUNCTION_NAME: spec.functionName,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(spec.memorySize),
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${spec.functionName}`,
    AWS_LAMBDA_LOG_STREAM_NAME: logStream,
    AWS_REGION: spec.region,
    AWS_DEFAULT_REGION: spec.region,
    AWS_EXECUTION_ENV: 'AWS_Lambda_provided.al2023',
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    LAMBDA_TASK_ROOT: spec.taskRoot,
    LAMBDA_RUNTIME_DIR: path.dirname(process.execPath),
    _HANDLER: spec.handler,
    TZ: ':UTC',
  });
  if ('go1xPort' in spec.transport) {
    env._LAMBDA_SERVER_PORT = String(spec.transport.go1xPort);
    env.AWS_EXECUTION_ENV = 'AWS_Lambda_go1.x';
  } else {
    env.AWS_LAMBDA_RUNTIME_API = spec.transport.runtimeApi;
  }
  return env;
}

/** A log stream name like Lambda's: `2024/01/31/[$LATEST]0123456789abcdef0123456789abcdef`. */
export function logStreamName(date: Date, id: string): string {
  const d = date.toISOString().slice(0, 10).replaceAll('-', '/');
  return `${d}/[$LATEST]${id}`;
}
