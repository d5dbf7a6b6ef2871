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

/** The alarm part of an alarm event. */
export interface CloudWatchAlarmData {
  alarmName: string;
  state: CloudWatchAlarmState;
  previousState: CloudWatchAlarmState;
  configuration: CloudWatchAlarmConfiguration;
}

/** An alarm Lambda action as the CloudWatch documentation shows it: `alarmArn`, `accountId`, `alarmData`. */
export interface CloudWatchAlarmActionEvent {
  source: string;
  alarmArn: string;
  accountId: string;
  time: string;
  region: string;
  alarmData: CloudWatchAlarmData;
}

/**
 * The same alarm data in an EventBridge-style envelope ("CloudWatch Alarm
 * State Change"), as some composite-alarm payloads arrive.
 */
export interface CloudWatchAlarmEnvelopeEvent {
  version: string;
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  alarmData: CloudWatchAlarmData;
}

/**
 * A CloudWatch alarm invoking a function (alarm Lambda action), metric and
 * composite alarms alike; `alarmData` is common to both shapes.
 *
 * @example
 * ```ts
 * import type { CloudWatchAlarmHandler } from '@tslambda/lambda-events/cloudwatch';
 * export const handler: CloudWatchAlarmHandler = async (event) => console.log(event.alarmData.state.value);
 * ```
 */
export type CloudWatchAlarmEvent = CloudWatchAlarmActionEvent | CloudWatchAlarmEnvelopeEvent;

export type CloudWatchAlarmHandler<TContext = LambdaContext> = Handler<CloudWatchAlarmEvent, void, TContext>;
