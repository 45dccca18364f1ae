import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { addDays, DAY_MS, now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { referralPrograms, users, type ReferralProgram } from "@/lib/db/schema";
import { sharedFingerprints, type Fingerprint } from "./sightings";

export type ReferralFlag = "same_browser" | "same_ip" | "email_alias";

/**
 * Serialise everything that decides about one address (an invitation, a registration linking to it) with a
 * transaction-scoped advisory lock, so "has an account" and "was referred" are read and written in one order.
 */
export async function lockReferralEmail(tx: Db, email: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`referral-email:${email.trim().toLowerCase()}`}, 0))`,
  );
}

/** The program new referrals join: the active default one. */
export async function findDefaultProgram(db: Db): Promise<ReferralProgram | null> {
  const [program] = await db
    .select()
    .from(referralPrograms)
    .where(and(eq(referralPrograms.isDefault, true), eq(referralPrograms.active, true)));
  return program ?? null;
}

export async function findProgram(db: Db, programId: number): Promise<ReferralProgram | null> {
  const [program] = await db
    .select()
    .from(referralPrograms)
    .where(eq(referralPrograms.id, programId));
  return program ?? null;
}

/** When a referral made now expires under the program's `timeout_days` constraint (null without one). */
export function referralExpiry(program: ReferralProgram, createdAt: Date = now()): Date | null {
  const timeout = program.constraints.find((constraint) => constraint.type === "timeout_days");
  const days = timeout?.options.days;
  return typeof days === "number" ? addDays(createdAt, days) : null;
}

/**
 * An address with its `+tag` and dots dropped from the local part, lowercased: two addresses with one key are the
 * same mailbox at most providers, so a friend whose key matches the referrer's is held for review.
 */
export function emailAliasKey(email: string): string {
  const [local = "", domain = ""] = email
    .trim()
    .toLowerCase()
    .split(/@(?=[^@]*$)/);
  return `${local.split("+")[0]?.replaceAll(".", "")}@${domain}`;
}

/** The fraud guard's findings for a friend of `referrerUserId`. */
export async function referralFlags(
  db: Db,
  options: {
    referrerUserId: number;
    friendEmail: string;
    program: ReferralProgram;
    fingerprint?: Fingerprint;
  },
): Promise<ReferralFlag[]> {
  const [referrer] = await db
    .select({ email: users.email })
    .from(users)
    .where(eq(users.id, options.referrerUserId));
  const flags: ReferralFlag[] = [];
  if (options.fingerprint && options.program.reviewWindowDays > 0) {
    const since = new Date(now().getTime() - options.program.reviewWindowDays * DAY_MS);
    flags.push(
      ...(await sharedFingerprints(db, {
        userId: options.referrerUserId,
        since,
        ...options.fingerprint,
      })),
    );
  }
  if (referrer && emailAliasKey(referrer.email) === emailAliasKey(options.friendEmail))
    flags.push("email_alias");
  return flags;
}
