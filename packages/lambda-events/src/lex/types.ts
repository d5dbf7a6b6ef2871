import type { Handler, LambdaContext } from '../handler.js';

export type LexConfirmationStatus = 'None' | 'Confirmed' | 'Denied';

export interface LexSlotResolution {
  value: string;
}

export interface LexSlotDetail {
  resolutions: LexSlotResolution[];
  originalValue: string;
}

export interface LexIntent {
  name: string;
  slots: { [name: string]: string | null };
  slotDetails?: { [name: string]: LexSlotDetail | null };
  confirmationStatus: LexConfirmationStatus;
  nluIntentConfidenceScore?: number | null;
}

/** A recent intent, as in `recentIntentSummaryView`. */
export interface LexIntentSummary {
  intentName?: string;
  checkpointLabel?: string;
  slots: { [name: string]: string | null };
  confirmationStatus: LexConfirmationStatus;
  dialogActionType: 'ElicitIntent' | 'ElicitSlot' | 'ConfirmIntent' | 'Delegate' | 'Close';
  fulfillmentState?: 'Fulfilled' | 'Failed' | 'ReadyForFulfillment';
  slotToElicit?: string;
}

/** An active context. */
export interface LexActiveContext {
  name: string;
  timeToLive: { timeToLiveInSeconds: number; turnsToLive: number };
  parameters: { [key: string]: string };
}

/**
 * An Amazon Lex V1 code hook request.
 *
 * @example
 * ```ts
 * import type { LexHandler } from '@tslambda/lambda-events/lex';
 * export const handler: LexHandler = async (event) => ({
 *   dialogAction: { type: 'Close', fulfillmentState: 'Fulfilled', message: { contentType: 'PlainText', content: 'Done' } },
 * });
 * ```
 */
export interface LexEvent {
  currentIntent: LexIntent;
  alternativeIntents?: LexIntent[];
  bot: {
    name: string;
    alias: string;
    version: string;
  };
  userId: string;
  inputTranscript: string;
  invocationSource: 'DialogCodeHook' | 'FulfillmentCodeHook';
  outputDialogMode: 'Text' | 'Voice';
  messageVersion: string;
  sessionAttributes: { [key: string]: string };
  requestAttributes: { [key: string]: string } | null;
  recentIntentSummaryView?: LexIntentSummary[] | null;
  sentimentResponse?: {
    sentimentLabel: string;
    sentimentScore: string;
  };
  kendraResponse?: unknown;
  activeContexts?: LexActiveContext[];
}

export interface LexDialogActionMessage {
  contentType: 'PlainText' | 'SSML' | 'CustomPayload';
  content: string;
}

export interface LexGenericAttachment {
  title: string;
  subTitle: string;
  imageUrl: string;
  attachmentLinkUrl: string;
  buttons: Array<{ text: string; value: string }>;
}

export interface LexResponseCard {
  version: number;
  contentType: 'application/vnd.amazonaws.card.generic';
  genericAttachments: LexGenericAttachment[];
}

export interface LexDialogActionBase {
  message?: LexDialogActionMessage;
  responseCard?: LexResponseCard;
}
export interface LexDialogActionClose extends LexDialogActionBase {
  type: 'Close';
  fulfillmentState: 'Fulfilled' | 'Failed';
}
export interface LexDialogActionElicitIntent extends LexDialogActionBase {
  type: 'ElicitIntent';
}
export interface LexDialogActionElicitSlot extends LexDialogActionBase {
  type: 'ElicitSlot';
  intentName: string;
  slots: { [name: string]: string | null };
  slotToElicit: string;
}
export interface LexDialogActionConfirmIntent extends LexDialogActionBase {
  type: 'ConfirmIntent';
  intentName: string;
  slots: { [name: string]: string | null };
}
export interface LexDialogActionDelegate {
  type: 'Delegate';
  slots: { [name: string]: string | null };
  kendraQueryRequestPayload?: string;
}

export type LexDialogAction =
  | LexDialogActionClose
  | LexDialogActionElicitIntent
  | LexDialogActionElicitSlot
  | LexDialogActionConfirmIntent
  | LexDialogActionDelegate;

/** An Amazon Lex V1 code hook response: one dialog action. */
export interface LexResult {
  sessionAttributes?: { [key: string]: string };
  dialogAction: LexDialogAction;
  recentIntentSummaryView?: LexIntentSummary[];
  activeContexts?: LexActiveContext[];
}

export type LexHandler<TContext = LambdaContext> = Handler<LexEvent, LexResult, TContext>;
