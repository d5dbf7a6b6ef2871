import type { Handler, LambdaContext } from '../handler.js';

export interface BedrockAgentParameter {
  name: string;
  type: string;
  value: string;
}

/**
 * A Bedrock agent action group invocation: an OpenAPI-schema action group
 * (`apiPath`, `httpMethod`, `requestBody`) or a function-details one (`function`).
 *
 * @example
 * ```ts
 * import type { BedrockAgentRuntimeHandler } from '@tslambda/lambda-events/bedrock-agent';
 * export const handler: BedrockAgentRuntimeHandler = async (event) => ({
 *   messageVersion: '1.0',
 *   response: { actionGroup: event.actionGroup, apiPath: event.apiPath, httpMethod: event.httpMethod, httpStatusCode: 200,
 *     responseBody: { 'application/json': { body: '{}' } } },
 * });
 * ```
 */
export interface BedrockAgentRuntimeEvent {
  messageVersion: string;
  agent: {
    name: string;
    id: string;
    alias: string;
    version: string;
  };
  inputText: string;
  sessionId: string;
  actionGroup: string;
  apiPath?: string;
  httpMethod?: string;
  function?: string;
  parameters?: BedrockAgentParameter[];
  requestBody?: {
    content: {
      [mediaType: string]: {
        properties: BedrockAgentParameter[];
      };
    };
  };
  sessionAttributes: Record<string, string>;
  promptSessionAttributes: Record<string, string>;
}

/** The response of an action group function. */
export interface BedrockAgentRuntimeResult {
  messageVersion: string;
  response: {
    actionGroup: string;
    apiPath?: string;
    httpMethod?: string;
    function?: string;
    httpStatusCode?: number;
    responseState?: 'FAILURE' | 'REPROMPT';
    responseBody: {
      [contentType: string]: { body: string };
    };
  };
  sessionAttributes?: Record<string, string>;
  promptSessionAttributes?: Record<string, string>;
}

export type BedrockAgentRuntimeHandler<TContext = LambdaContext> = Handler<BedrockAgentRuntimeEvent, BedrockAgentRuntimeResult, TContext>;
