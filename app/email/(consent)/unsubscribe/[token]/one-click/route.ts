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
 * Whether the body says `List-Unsubscribe=One-Click`: RFC 8058 senders post it as multipart/form-data (what the RFC
 * prefers) or application/x-www-form-urlencoded; a body without a form content type is read as the latter.
 */
async function isOneClickBody(request: Request): Promise<boolean> {
  const type = request.headers.get("content-type") ?? "";
  try {
    const fields = /multipart\/form-data|application\/x-www-form-urlencoded/i.test(type)
      ? await request.formData()
      : new URLSearchParams((await request.text()).slice(0, 2000));
    return fields.getAll("List-Unsubscribe").includes("One-Click");
  } catch {
    return false;
  }
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
  if (!(await isOneClickBody(request)))
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
