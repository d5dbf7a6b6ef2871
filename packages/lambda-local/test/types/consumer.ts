import { LocalFunction, sampleEvent, serve, type InvokeResult, type InvocationReport, type LogRecord, type InvokeServer } from '@tslambda/lambda-local';

export async function check(): Promise<[InvokeResult, InvocationReport, InvokeServer]> {
  const logs: LogRecord[] = [];
  const fn = new LocalFunction({ entry: 'dist/index.js', protocol: 'go1x', timeout: 5, onLog: (r) => logs.push(r) });
  const result = await fn.invoke(sampleEvent('s3').event);
  const streamed = await fn.invokeStream({});
  streamed.body.resume();
  const server = await serve(fn, { port: 0, http: true });
  const errorType: string | undefined = result.errorType;
  void errorType;
  return [result, (await streamed.result).report, server];
}
