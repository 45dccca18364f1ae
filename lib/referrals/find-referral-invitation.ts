import "server-only";
import type { Db } from "@/lib/db";
import type { ReferralProgram } from "@/lib/db/schema";
import { maskEmail } from "@/lib/mask-email";
import { findUser } from "@/lib/users/find-user";
import { findReferrerByCode } from "./referral-link";
import { findDefaultProgram } from "./referral-rules";

export interface ReferralInvitation {
  /** Who invited the visitor: their name, or their masked address without one. */
  by: string;
  /** The default program, whose friend offer the visitor is told about; null when there is none. */
  program: ReferralProgram | null;
}

/** The invitation behind a referral link's code (from the visitor's cookie), or null when nobody has that code. */
export async function findReferralInvitation(
  db: Db,
  code: string | undefined,
): Promise<ReferralInvitation | null> {
  if (!code) return null;
  const referrer = await findReferrerByCode(db, code);
  if (!referrer) return null;
  const [user, program] = await Promise.all([
    findUser(db, referrer.userId),
    findDefaultProgram(db),
  ]);
  if (!user) return null;
  return { by: user.name?.trim() || maskEmail(user.email), program };
}
