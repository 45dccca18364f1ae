import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import { outboundFetch, OutboundRequestError } from "@/lib/http/outbound-fetch";
import { recordDeliveryEvent, type RecordedDeliveryEvent } from "../record-delivery-event";
import { extraSnsHosts, isSnsUrl } from "./sns-config";
import { SnsUnavailableError } from "./sns-signing-certificate";
import { parseSesEvent } from "./ses-event";
import { verifySnsMessage } from "./verify-sns-message";

export type SnsHandled =
  | { kind: "subscription_confirmed"; topicArn: string }
  | { kind: "unsubscribed"; topicArn: string }
  | { kind: "ignored"; reason: string }
  | { kind: "recorded"; event: RecordedDeliveryEvent };

/**
 * An SNS message to the SES endpoint, after its signature verifies: a subscription confirmation is confirmed by
 * fetching its SubscribeURL (SNS's own host only, through the outbound request guard); a notification of an SES
 * bounce, complaint, delivery or delivery delay is recorded on the email it names (recordDeliveryEvent: a hard bounce
 * or complaint suppresses the address), once per SNS message id. Mail Subflow did not send, and SES events it does
 * not record, are acknowledged and ignored, so SNS does not retry them.
 */
export async function handleSnsMessage(db: Db, rawBody: string): Promise<SnsHandled> {
  const message = await verifySnsMessage(rawBody);
  if (message.Type === "SubscriptionConfirmation") {
    await confirmSubscription(message.SubscribeURL);
    return { kind: "subscription_confirmed", topicArn: message.TopicArn };
  }
  if (message.Type === "UnsubscribeConfirmation")
    return { kind: "unsubscribed", topicArn: message.TopicArn };

  const parsed = parseSesEvent(message.Message, new Date(message.Timestamp));
  if (!parsed.ok) throw new AppError("ses_event_invalid", parsed.message, 400);
  if (!parsed.event)
    return { kind: "ignored", reason: `SES ${parsed.kind} events are not recorded.` };
  const { messageIds, ...event } = parsed.event;
  for (const messageId of messageIds) {
    try {
      const recorded = await recordDeliveryEvent(db, {
        ...event,
        messageId: messageId.value,
        matchProviderMessageId: messageId.providerId,
        externalId: `ses:${message.MessageId}`,
      });
      return { kind: "recorded", event: recorded };
    } catch (error) {
      if (isAppError(error) && error.code === "email_not_found") continue;
      // A Message-ID that is not one (a header SES passed on as it was) is no email of ours either.
      if (error instanceof z.ZodError) continue;
      throw error;
    }
  }
  return { kind: "ignored", reason: "No email sent by Subflow has this Message-ID." };
}

async function confirmSubscription(subscribeUrl: string): Promise<void> {
  if (!isSnsUrl(subscribeUrl))
    throw new AppError(
      "sns_subscribe_url_refused",
      "SubscribeURL must be an https URL on sns.<region>.amazonaws.com.",
      403,
    );
  try {
    const response = await outboundFetch(subscribeUrl, {
      allowedHosts: extraSnsHosts(),
      timeoutMs: 5000,
      maxResponseBytes: 64 * 1024,
    });
    if (response.status !== 200)
      throw new SnsUnavailableError(
        `SNS answered ${response.status} to the subscription confirmation.`,
      );
  } catch (error) {
    if (error instanceof OutboundRequestError)
      throw new SnsUnavailableError(`The subscription could not be confirmed: ${error.message}`, {
        cause: error,
      });
    throw error;
  }
}
