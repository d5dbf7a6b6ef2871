import type { Handler, LambdaContext } from '../handler.js';
import type { JsonString } from '../json-string.js';

/**
 * An AWS Config custom rule evaluation request. `invokingEvent` and
 * `ruleParameters` are JSON text. Report results with `PutEvaluations` and `resultToken`.
 *
 * @example
 * ```ts
 * import type { ConfigRuleHandler } from '@tslambda/lambda-events/config';
 * export const handler: ConfigRuleHandler = async (event) => console.log(JSON.parse(event.invokingEvent));
 * ```
 */
export interface ConfigRuleEvent<TInvokingEvent = unknown> {
  version: string;
  invokingEvent: JsonString<TInvokingEvent>;
  ruleParameters?: string;
  resultToken: string;
  eventLeftScope: boolean;
  executionRoleArn: string;
  configRuleArn: string;
  configRuleName: string;
  configRuleId: string;
  accountId: string;
  evaluationMode?: 'DETECTIVE' | 'PROACTIVE';
}

export type ConfigRuleHandler<TInvokingEvent = unknown, TContext = LambdaContext> = Handler<ConfigRuleEvent<TInvokingEvent>, void, TContext>;
