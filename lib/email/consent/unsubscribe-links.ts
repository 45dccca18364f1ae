import "server-only";
import { appBaseUrl } from "@/lib/email/build-email-context";
import { sealEmailToken } from "./email-tokens";

export interface UnsubscribeRecipient {
  userId: number | null;
  address: string;
  topicId: number | null;
  /** The Message-ID of the email the links go in: an unsubscribe through them is counted on that email. */
  messageId: string | null;
}

function unsubscribeToken(recipient: UnsubscribeRecipient): string {
  return sealEmailToken("unsubscribe", {
    ...(recipient.userId === null
      ? { a: recipient.address.toLowerCase() }
      : { u: recipient.userId }),
    t: recipient.topicId ?? 0,
    ...(recipient.messageId ? { m: recipient.messageId } : {}),
  });
}

/** `{{unsubscribe_url}}`: leaves the email's topic at once (GET confirms, RFC 8058 POST needs nothing else). */
export function unsubscribeUrl(recipient: UnsubscribeRecipient): string {
  return `${appBaseUrl()}/email/unsubscribe/${unsubscribeToken(recipient)}`;
}

/** `{{preferences_url}}`: every topic, no sign-in. */
export function preferencesUrl(recipient: UnsubscribeRecipient): string {
  return `${appBaseUrl()}/email/preferences/${unsubscribeToken(recipient)}`;
}

/** RFC 8058 one-click unsubscribe (RFC 2369 List-Unsubscribe with the POST marker), on every marketing email. */
export function unsubscribeHeaders(recipient: UnsubscribeRecipient): Record<string, string> {
  return {
    "List-Unsubscribe": `<${unsubscribeUrl(recipient)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}
