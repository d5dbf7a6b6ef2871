import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { LocalLambdaError } from './errors.js';
import type { Protocol } from './instance.js';
import { serve } from './invoke-server.js';
import { LocalFunction, type LogRecord } from './local-function.js';
import { sampleAliases, sampleEvent, sampleKinds } from './samples/index.js';
import { style } from './term.js';

const HELP = `tslambda: run AWS Lambda functions locally, the way Lambda runs them

Usage:
  tslambda invoke <entry> [--event file.json | -] [--payload JSON] [options]
  tslambda serve <entry> [--port 9000] [--concurrency N] [--http] [options]
  tslambda event <kind>            print a sample event (tslambda event --list)

<entry> is a JS file that calls start() (dist/index.js), or an exported
handler as file.export (dist/index.handler), run like AWS's Node.js runtime.

Options:
  --protocol api|go1x   Runtime API (provided.al2023, default) or go1.x (net/rpc)
  --timeout <s>         function timeout in seconds (default 3)
  --memory <MB>         memory size (default 128; reported, not enforced)
  --name <name>         function name (default: the entry's folder)
  --env KEY=VALUE       an environment variable (repeatable)
  --region <region>     AWS_REGION (default us-east-1)
  --quiet               invoke: print only the response
  --port <n>            serve: port (default 9000, 0 = any)
  --host <host>         serve: address to bind (default 127.0.0.1)
  --concurrency <n>     serve: most instances at once (default 4)
  --http                serve: also turn plain HTTP requests into function URL events
  -h, --help            this help
  -v, --version         the version

Exit codes: 0 success, 1 function error, 2 bad usage or entry.`;

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const out = process.stdout;
  const err = style(process.stderr);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        event: { type: 'string', short: 'e' },
        payload: { type: 'string' },
        protocol: { type: 'string', short: 'p' },
        timeout: { type: 'string', short: 't' },
        memory: { type: 'string' },
        name: { type: 'string' },
        env: { type: 'string', multiple: true },
        region: { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        port: { type: 'string' },
        host: { type: 'string' },
        concurrency: { type: 'string', short: 'c' },
        http: { type: 'boolean' },
        list: { type: 'boolean', short: 'l' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    return usage(err, (e as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, target] = positionals;
  if (values.version) {
    out.write(`${version()}\n`);
    return 0;
  }
  if (values.help || command === undefined || command === 'help') {
    out.write(`${HELP}\n`);
    return command === undefined && !values.help ? 2 : 0;
  }
  try {
    switch (command) {
      case 'event':
        return eventCommand(target, values.list === true);
      case 'invoke':
      case 'serve': {
        if (!target) return usage(err, `${command} needs an <entry>`);
        const options = {
          entry: target,
          protocol: protocolOf(values.protocol),
          timeout: numberOf('--timeout', values.timeout),
          memorySize: numberOf('--memory', values.memory),
          name: values.name,
          region: values.region,
          environment: envOf(values.env ?? []),
        };
        if (command === 'invoke') return await invokeCommand(options, values.event, values.payload, values.quiet === true);
        return await serveCommand({
          ...options,
          concurrency: numberOf('--concurrency', values.concurrency) ?? 4,
        }, numberOf('--port', values.port) ?? 9000, values.host ?? '127.0.0.1', values.http === true);
      }
      default:
        return usage(err, `unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof LocalLambdaError || e instanceof UsageError) {
      process.stderr.write(`${err.red('error')} ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

class UsageError extends Error {}

function usage(err: ReturnType<typeof style>, message: string): number {
  process.stderr.write(`${err.red('error')} ${message}\n\nRun tslambda --help for usage.\n`);
  return 2;
}

function version(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function protocolOf(value: string | undefined): Protocol | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase();
  if (v === 'api' || v === 'runtime-api' || v === 'provided') return 'api';
  if (v === 'go1x' || v === 'go1.x' || v === 'go') return 'go1x';
  throw new UsageError(`--protocol must be api or go1x, got "${value}"`);
}

function numberOf(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`${flag} needs a number, got "${value}"`);
  return n;
}

function envOf(pairs: string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--env needs KEY=VALUE, got "${pair}"`);
    env[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return env;
}

function eventCommand(kind: string | undefined, list: boolean): number {
  if (list || kind === undefined) {
    const aliases = Object.entries(sampleAliases());
    for (const k of sampleKinds()) {
      const names = aliases.filter(([, to]) => to === k).map(([a]) => a);
      const s = sampleEvent(k);
      process.stdout.write(`${k.padEnd(34)}${s.description}${names.length ? ` (also: ${names.join(', ')})` : ''}\n`);
    }
    return kind === undefined && !list ? 2 : 0;
  }
  process.stdout.write(`${JSON.stringify(sampleEvent(kind).event, null, 2)}\n`);
  return 0;
}

/** Prints log records to stderr: platform lines highlighted, the function's output as is. */
function logPrinter(s: ReturnType<typeof style>, stream: NodeJS.WritableStream): (r: LogRecord) => void {
  return (r) => {
    let line = r.line;
    if (r.type === 'platform') {
      if (/^(START|END) /.test(line)) line = s.dim(line);
      else if (line.startsWith('REPORT ')) line = s.cyan(line);
      else line = s.yellow(line);
    } else if (r.type === 'stderr') line = s.red(line);
    stream.write(`${line}\n`);
  };
}

async function readEvent(event: string | undefined, payload: string | undefined): Promise<Buffer> {
  if (payload !== undefined) return Buffer.from(payload, 'utf8');
  if (event === undefined) return Buffer.from('{}');
  if (event === '-') {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  }
  try {
    return readFileSync(event);
  } catch (e) {
    throw new UsageError(`cannot read --event ${event}: ${(e as Error).message}`);
  }
}

async function invokeCommand(
  options: ConstructorParameters<typeof LocalFunction>[0],
  event: string | undefined,
  payload: string | undefined,
  quiet: boolean,
): Promise<number> {
  const err = style(process.stderr);
  const body = await readEvent(event, payload);
  const fn = new LocalFunction({ ...options, onLog: quiet ? undefined : logPrinter(err, process.stderr) });
  try {
    const result = await fn.invoke(body);
    const text = result.payload.toString('utf8');
    let shown = text;
    if (process.stdout.isTTY && !result.streamed) {
      try {
        shown = JSON.stringify(JSON.parse(text), null, 2);
      } catch {
        // not JSON: print as is
      }
    }
    process.stdout.write(shown.endsWith('\n') ? shown : `${shown}\n`);
    if (result.functionError) {
      let message = '';
      try {
        message = String((JSON.parse(text) as { errorMessage?: unknown }).errorMessage ?? '');
      } catch {
        // the error body is not JSON
      }
      process.stderr.write(`${err.red('✖')} ${err.bold(result.errorType ?? 'Unhandled')}${message ? `: ${message}` : ''}\n`);
      return 1;
    }
    if (!quiet) process.stderr.write(`${err.green('✔')} ${result.report.durationMs.toFixed(2)} ms${result.report.initDurationMs !== undefined ? ` (init ${result.report.initDurationMs.toFixed(2)} ms)` : ''}\n`);
    return 0;
  } finally {
    await fn.close();
  }
}

async function serveCommand(
  options: ConstructorParameters<typeof LocalFunction>[0],
  port: number,
  host: string,
  http: boolean,
): Promise<number> {
  const s = style(process.stderr);
  const fn = new LocalFunction({ ...options, onLog: logPrinter(style(process.stdout), process.stdout) });
  let server;
  try {
    server = await serve(fn, { port, host, http });
  } catch (e) {
    await fn.close();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      throw new UsageError(`cannot listen on ${host}:${port} (${code}); pick another with --port or --host`);
    }
    throw e;
  }
  process.stderr.write(
    `${s.green('tslambda')} serving ${s.bold(fn.name)} (${fn.protocol === 'go1x' ? 'go1.x' : 'Runtime API'}, timeout ${fn.timeoutMs / 1000} s, ${fn.memorySize} MB, up to ${options.concurrency} instances)\n` +
      `  Invoke API  POST ${server.url}/2015-03-31/functions/function/invocations\n` +
      `              aws lambda invoke --endpoint-url ${server.url} --function-name ${fn.name} out.json\n` +
      (http ? `  HTTP        ${server.url}/  (function URL events)\n` : '') +
      s.dim('  Ctrl+C to stop\n'),
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  await fn.close();
  return 0;
}

// `tslambda event s3 | head` closes the pipe early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`${style(process.stderr).red('error')} ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
