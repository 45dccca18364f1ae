import type { NextRequest } from "next/server";
import { getDb } from "@/lib/db";
import { openEmailToken } from "@/lib/email/consent/email-tokens";
import { recordEmailOpen } from "@/lib/email/tracking/record-email-open";
import { invalidLinkResponse, openPixelResponse } from "@/lib/email/tracking/tracking-responses";

/**
 * The open pixel of a tracked email (public: mail clients load it without a session). A sealed token names the log
 * row; anything else is a 404 that records nothing.
 */
export async function GET(
  request: NextRequest,
  { params }: { params: Promise<{ token: string }> },
) {
  const { token } = await params;
  const facts = openEmailToken("open", token);
  if (!facts) return invalidLinkResponse(request.headers.get("accept-language"));
  const recorded = await recordEmailOpen(await getDb(), { logId: facts.e });
  if (!recorded) return invalidLinkResponse(request.headers.get("accept-language"));
  return openPixelResponse();
}
