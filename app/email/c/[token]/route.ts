import type { NextRequest } from "next/server";
import { getDb } from "@/lib/db";
import { openEmailToken } from "@/lib/email/consent/email-tokens";
import { recordEmailClick } from "@/lib/email/tracking/record-email-click";
import {
  clickRedirectResponse,
  invalidLinkResponse,
} from "@/lib/email/tracking/tracking-responses";

/**
 * A tracked link of an email (public). The sealed token names the log row and the link's index, never a URL: the
 * redirect goes only to that link of the email as sent (email_log.links), so this is no open redirect. A changed
 * token, or an index the email has no link for, is a 404 page that records nothing.
 */
export async function GET(
  request: NextRequest,
  { params }: { params: Promise<{ token: string }> },
) {
  const { token } = await params;
  const facts = openEmailToken("click", token);
  const link = facts
    ? await recordEmailClick(await getDb(), { logId: facts.e, linkIndex: facts.l })
    : null;
  const target = link ? redirectTarget(link.url) : null;
  if (!target) return invalidLinkResponse(request.headers.get("accept-language"));
  return clickRedirectResponse(target);
}

/** The URL as a Location header carries it (non-ASCII percent-encoded), if it is an http(s) URL at all. */
function redirectTarget(url: string): string | null {
  if (!URL.canParse(url)) return null;
  const parsed = new URL(url);
  return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
}
