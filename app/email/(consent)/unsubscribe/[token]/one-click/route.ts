import { NextResponse } from "next/server";
import { getDb } from "@/lib/db";
import {
  findEmailLinkRecipient,
  unsubscribeRecipient,
} from "@/lib/email/consent/email-link-recipient";
import { isAppError } from "@/lib/errors";

const ONE_CLICK_BODY = "List-Unsubscribe=One-Click";

function refusal(status: 400 | 404 | 409, error: string, message: string) {
  return NextResponse.json({ error, message }, { status });
}

/**
 * RFC 8058 one-click unsubscribe: the mailbox provider POSTs `List-Unsubscribe=One-Click` to the email's
 * List-Unsubscribe URL (proxy.ts sends that POST here). No cookie, no CSRF token: the sealed token in the URL names
 * the recipient and topic, and it takes effect at once. Doing it again is no error.
 */
export async function POST(
  request: Request,
  segment: { params: Promise<{ token: string }> },
): Promise<NextResponse> {
  const { token } = await segment.params;
  const body = await request.text().catch(() => "");
  if (!new URLSearchParams(body.slice(0, 2000)).getAll("List-Unsubscribe").includes("One-Click"))
    return refusal(400, "one_click_body_required", `Send the body ${ONE_CLICK_BODY}.`);
  const db = await getDb();
  const recipient = await findEmailLinkRecipient(db, token);
  if (!recipient) return refusal(404, "unsubscribe_link_invalid", "This link is not valid.");
  try {
    await unsubscribeRecipient(db, recipient, "one_click");
  } catch (error) {
    if (isAppError(error) && error.status === 409) return refusal(409, error.code, error.message);
    throw error;
  }
  return NextResponse.json({ unsubscribed: true });
}
