// A streamed HTTP response: each line leaves as soon as it is written (a function URL with
// InvokeMode RESPONSE_STREAM, or a REST API with a STREAM integration).
import { gateway } from '@tslambda/lambda';

const encoder = new TextEncoder();

export async function app(request: Request): Promise<Response> {
  const count = Math.min(Number(new URL(request.url).searchParams.get('count') ?? 5) || 5, 50);
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      for (let i = 1; i <= count; i++) {
        controller.enqueue(encoder.encode(`tick ${i}/${count}\n`));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      controller.close();
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8', 'x-example': 'streaming' } });
}

gateway.start(app, { streaming: true });
