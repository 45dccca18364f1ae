import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { emailLog } from "@/lib/db/schema";

export interface MatchedEmail {
  id: number;
  toAddress: string;
}

/**
 * The email a Message-ID names: ours (email_log.message_id, kept without angle brackets), or — when
 * `alsoProviderId` — the id the transport reported on sending (provider_message_id, which SMTP transports give back
 * in angle brackets and SES's API as its own id). The row is locked: its first-event timestamps are updated next.
 */
export async function findEmailByMessageId(
  tx: Db,
  messageId: string,
  options: { alsoProviderId?: boolean } = {},
): Promise<MatchedEmail | null> {
  const columns = { id: emailLog.id, toAddress: emailLog.toAddress };
  const [ours] = await tx
    .select(columns)
    .from(emailLog)
    .where(eq(emailLog.messageId, messageId))
    .for("update");
  if (ours || !options.alsoProviderId) return ours ?? null;
  const [theirs] = await tx
    .select(columns)
    .from(emailLog)
    .where(inArray(emailLog.providerMessageId, [messageId, `<${messageId}>`]))
    .limit(1)
    .for("update");
  return theirs ?? null;
}
