import { start as startRuntime, type StartOptions } from '@tslambda/lambda-runtime';
import { handleStreaming, type StreamingGatewayOptions } from './handle-streaming.js';
import { handle } from './handle.js';
import { handleNode, handleNodeStreaming, type NodeRequestListener } from './node/handle-node.js';
import type { FetchApp, GatewayOptions } from './types.js';

/** Options of {@link start}: the gateway's, the runtime's, and whether to stream. */
export interface StartGatewayOptions extends GatewayOptions, Omit<StreamingGatewayOptions, keyof GatewayOptions> {
  /** Stream responses (Function URL `RESPONSE_STREAM`, REST `STREAM` integrations). Default `false`. */
  streaming?: boolean;
  /** Passed to `@tslambda/lambda-runtime`'s `start`. */
  runtime?: StartOptions;
}

/**
 * Runs a fetch app as a Lambda function with `@tslambda/lambda-runtime`:
 * `start(app)` is `runtime.start(handle(app))`, or `handleStreaming(app)`
 * with `{ streaming: true }`.
 *
 * @example
 * ```ts
 * import { Hono } from 'hono';
 * import { start } from '@tslambda/lambda-gateway';
 * start(new Hono().get('/', (c) => c.text('hi')));
 * ```
 */
export function start(app: FetchApp, options: StartGatewayOptions = {}): Promise<void> {
  const { streaming, runtime, ...gateway } = options;
  return streaming ? startRuntime(handleStreaming(app, gateway), runtime) : startRuntime(handle(app, gateway), runtime);
}

/**
 * {@link start} for a Node `(req, res)` app (Express, Koa's `callback()`, ...).
 *
 * @example
 * ```ts
 * import express from 'express';
 * import { startNode } from '@tslambda/lambda-gateway';
 * startNode(express().get('/', (_req, res) => res.send('hi')));
 * ```
 */
export function startNode(listener: NodeRequestListener, options: Omit<StartGatewayOptions, 'onError'> = {}): Promise<void> {
  const { streaming, runtime, ...gateway } = options;
  return streaming ? startRuntime(handleNodeStreaming(listener, gateway), runtime) : startRuntime(handleNode(listener, gateway), runtime);
}
