import "server-only";
import { eq } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { referralLinks } from "@/lib/db/schema";
import { randomLowerAlphanumeric } from "@/lib/random-code";

/** 10 characters of [0-9a-z]: 36^10 ≈ 3.7·10^15 codes, short enough to read out. */
const REFERRAL_CODE_LENGTH = 10;
export const REFERRAL_CODE_PATTERN = /^[0-9a-z]{10}$/;

export const referralPath = (code: string) => `/r/${code}`;

/** The user's referral code and link path, made on first call (concurrent first calls agree on one code). */
export async function getReferralLink(
  db: Db,
  userId: number,
): Promise<{ code: string; path: string }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const [existing] = await db
      .select({ code: referralLinks.code })
      .from(referralLinks)
      .where(eq(referralLinks.userId, userId));
    if (existing) return { code: existing.code, path: referralPath(existing.code) };
    // A code taken by someone else (or a concurrent first call for this user) inserts nothing: read again and retry.
    await db
      .insert(referralLinks)
      .values({ userId, code: randomLowerAlphanumeric(REFERRAL_CODE_LENGTH), createdAt: now() })
      .onConflictDoNothing();
  }
  throw new Error("could not allocate a referral code");
}

/** Whose link a code is; null for anything that is not a known code. */
export async function findReferrerByCode(db: Db, code: string): Promise<{ userId: number } | null> {
  const normalized = code.trim().toLowerCase();
  if (!REFERRAL_CODE_PATTERN.test(normalized)) return null;
  const [row] = await db
    .select({ userId: referralLinks.userId })
    .from(referralLinks)
    .where(eq(referralLinks.code, normalized));
  return row ?? null;
}
