import type { Handler, LambdaContext } from '../handler.js';

export interface CloudWatchAlarmState {
  value: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
  reason: string;
  /** JSON text with the data behind the transition. */
  reasonData?: string;
  timestamp: string;
  actionsSuppressedBy?: string;
  actionsSuppressedReason?: string;
}

export interface CloudWatchMetricStat {
  metric: {
    namespace: string;
    name: string;
    dimensions: Record<string, string>;
  };
  period: number;
  stat: string;
  unit?: string;
}

export interface CloudWatchMetricDataQuery {
  id: string;
  metricStat?: CloudWatchMetricStat;
  expression?: string;
  label?: string;
  returnData: boolean;
}

/** A metric alarm's configuration (`metrics`) or a composite alarm's (`alarmRule`, suppressor). */
export interface CloudWatchAlarmConfiguration {
  description?: string;
  metrics?: CloudWatchMetricDataQuery[];
  alarmRule?: string;
  actionsSuppressor?: string;
  actionsSuppressorWaitPeriod?: number;
  actionsSuppressorExtensionPeriod?: number;
}

/**
 * A CloudWatch alarm invoking a function directly (alarm Lambda action),
 * metric and composite alarms alike.
 *
 * @example
 * ```ts
 * import type { CloudWatchAlarmHandler } from '@tslambda/lambda-events/cloudwatch';
 * export const handler: CloudWatchAlarmHandler = async (event) => console.log(event.alarmData.state.value);
 * ```
 */
export interface CloudWatchAlarmEvent {
  source: string;
  alarmArn: string;
  accountId: string;
  time: string;
  region: string;
  alarmData: {
    alarmName: string;
    state: CloudWatchAlarmState;
    previousState: CloudWatchAlarmState;
    configuration: CloudWatchAlarmConfiguration;
  };
}

export type CloudWatchAlarmHandler<TContext = LambdaContext> = Handler<CloudWatchAlarmEvent, void, TContext>;
