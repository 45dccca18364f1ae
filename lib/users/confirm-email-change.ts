import "server-only";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { userActionTokens, users } from "@/lib/db/schema";
import type { EmailTransport } from "@/lib/email/transport";
import { isUniqueViolation, notFound } from "@/lib/errors";
import { EMAIL_CHANGED_NOTICE_TEMPLATE } from "./email-changed-notice-template";
import { lockValidActionToken } from "./find-action-token";
import { emailTaken } from "./request-email-change";
import { sendAccountEmail } from "./send-account-email";

export interface ConfirmEmailChangeOptions {
  /** The token from the emailed link: whoever holds it proved they read the new address's mail. */
  token: string;
  transport?: EmailTransport;
}

/**
 * Move the account to the address the link was sent to, then tell the old address. The token must be valid, unused
 * and unexpired (`link_invalid`, `link_used`, `link_expired`), and the address still free: when two accounts confirm
 * the same address at once, the unique index on lower(email) lets one win and the other gets `email_taken` (409),
 * its link left unused. Confirming spends every other pending email change of the user too.
 */
export async function confirmEmailChange(
  db: Db,
  options: ConfirmEmailChangeOptions,
): Promise<{ userId: number; oldEmail: string; newEmail: string }> {
  let changed: { userId: number; oldEmail: string; newEmail: string; tokenId: number };
  try {
    changed = await db.transaction(async (tx) => {
      const token = await lockValidActionToken(tx, { token: options.token, kind: "email_change" });
      const newEmail = token.newEmail;
      if (!newEmail) throw notFound("link_invalid", "This link is not valid. Ask for a new one.");
      const [user] = await tx.select().from(users).where(eq(users.id, token.userId)); // locked with the token
      if (!user) throw notFound("link_invalid", "This link is not valid. Ask for a new one.");
      const [taken] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(sql`lower(${users.email})`, newEmail), ne(users.id, user.id)))
        .limit(1);
      if (taken) throw emailTaken();
      const at = now();
      await tx
        .update(users)
        .set({ email: newEmail, confirmedAt: user.confirmedAt ?? at })
        .where(eq(users.id, user.id));
      await tx
        .update(userActionTokens)
        .set({ usedAt: at })
        .where(
          and(
            eq(userActionTokens.userId, user.id),
            eq(userActionTokens.kind, "email_change"),
            isNull(userActionTokens.usedAt),
          ),
        );
      return { userId: user.id, oldEmail: user.email, newEmail, tokenId: token.id };
    });
  } catch (error) {
    if (isUniqueViolation(error, "users_email_lower_key")) throw emailTaken();
    throw error;
  }
  await sendAccountEmail(db, {
    userId: changed.userId,
    to: changed.oldEmail,
    template: EMAIL_CHANGED_NOTICE_TEMPLATE,
    idempotencyKey: `email-changed-notice:${changed.tokenId}`,
    extra: { email_change: { old_email: changed.oldEmail, new_email: changed.newEmail } },
    transport: options.transport,
  });
  return { userId: changed.userId, oldEmail: changed.oldEmail, newEmail: changed.newEmail };
}
