import "server-only";
import { eq, sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { referrals, type Referral, type User } from "@/lib/db/schema";
import { findReferrerByCode } from "./referral-link";
import {
  findDefaultProgram,
  findProgram,
  lockReferralEmail,
  referralExpiry,
  referralFlags,
} from "./referral-rules";
import type { Fingerprint } from "./sightings";

export interface SignUpReferral {
  /** The code of the `/r/<code>` link the person came through (the referral cookie). */
  code?: string | null;
  /** Where they registered from, for the fraud guard. */
  fingerprint?: Fingerprint;
}

/**
 * Inside the transaction that creates `user`: an invitation to their address gets its account (first referrer
 * wins over a link cookie); otherwise a link cookie makes a referral. Both are checked by the fraud guard against
 * the referrer. Never refuses the registration: a cookie that cannot make a referral is ignored.
 */
export async function attachReferral(
  tx: Db,
  user: User,
  signUp: SignUpReferral = {},
): Promise<Referral | null> {
  const email = user.email.toLowerCase();
  await lockReferralEmail(tx, email);
  const [invited] = await tx
    .select()
    .from(referrals)
    .where(eq(sql`lower(${referrals.referredEmail})`, email))
    .for("no key update");
  if (invited) {
    if (invited.status !== "pending" || invited.referredUserId !== null) return null;
    const program = await findProgram(tx, invited.programId);
    const found = program
      ? await referralFlags(tx, {
          referrerUserId: invited.referrerUserId,
          friendEmail: email,
          program,
          fingerprint: signUp.fingerprint,
        })
      : [];
    const flags = [...new Set([...invited.flags, ...found])];
    // A finding the reviewer has not seen (an approved alias now registering from the referrer's browser) asks again.
    const review = found.some((flag) => !invited.flags.includes(flag)) ? "flagged" : invited.review;
    const [linked] = await tx
      .update(referrals)
      .set({ referredUserId: user.id, flags, review, updatedAt: now() })
      .where(eq(referrals.id, invited.id))
      .returning();
    return linked ?? null;
  }
  if (!signUp.code) return null;
  const referrer = await findReferrerByCode(tx, signUp.code);
  if (!referrer || referrer.userId === user.id) return null;
  const program = await findDefaultProgram(tx);
  if (!program) return null;
  const flags = await referralFlags(tx, {
    referrerUserId: referrer.userId,
    friendEmail: email,
    program,
    fingerprint: signUp.fingerprint,
  });
  const at = now();
  const [referral] = await tx
    .insert(referrals)
    .values({
      referrerUserId: referrer.userId,
      referredEmail: email,
      referredName: user.name,
      referredUserId: user.id,
      programId: program.id,
      source: "link",
      flags,
      review: flags.length > 0 ? "flagged" : null,
      expiresAt: referralExpiry(program, at),
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  return referral ?? null;
}
