import type { Handler, LambdaContext } from '../handler.js';

export interface ConnectEndpoint {
  Address: string;
  Type: string;
}

export interface ConnectContactData {
  Attributes: Record<string, string>;
  /** VOICE, CHAT, TASK, EMAIL... */
  Channel: string;
  ContactId: string;
  CustomerEndpoint: ConnectEndpoint | null;
  CustomerId?: string;
  Description?: string;
  InitialContactId: string;
  /** INBOUND, OUTBOUND, TRANSFER, CALLBACK, API, QUEUE_TRANSFER, DISCONNECT... */
  InitiationMethod: string;
  InstanceARN: string;
  LanguageCode?: string;
  MediaStreams?: Record<string, unknown>;
  Name?: string;
  PreviousContactId: string;
  Queue?: {
    ARN: string;
    Name: string;
    OutboundCallerId?: Record<string, unknown>;
  } | null;
  References?: Record<string, { Type: string; Value: string }>;
  RelatedContactId?: string | null;
  SegmentAttributes?: Record<string, unknown>;
  SystemEndpoint: ConnectEndpoint | null;
  Tags?: Record<string, string>;
}

/**
 * An Amazon Connect contact flow invocation.
 *
 * @example
 * ```ts
 * import type { ConnectContactFlowHandler } from '@tslambda/lambda-events/connect';
 * export const handler: ConnectContactFlowHandler = async (event) => ({ channel: event.Details.ContactData.Channel });
 * ```
 */
export interface ConnectContactFlowEvent {
  Name: 'ContactFlowEvent';
  Details: {
    ContactData: ConnectContactData;
    Parameters: Record<string, string>;
  };
}

/** What a contact flow function returns: flat string attributes. */
export interface ConnectContactFlowResult {
  [name: string]: string | null;
}

export type ConnectContactFlowHandler<TContext = LambdaContext> = Handler<ConnectContactFlowEvent, ConnectContactFlowResult | void, TContext>;
