import "server-only";
import { and, count, eq, gte, sql } from "drizzle-orm";
import { z } from "zod";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { referrals, users, type Referral } from "@/lib/db/schema";
import { AppError, conflict, invalid, isUniqueViolation, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { emailSchema } from "@/lib/users/schemas";
import {
  findDefaultProgram,
  lockReferralEmail,
  referralExpiry,
  referralFlags,
} from "./referral-rules";

/** Invitations a user may send per hour (each one mails a stranger, so it is limited like family invitations). */
export const REFERRAL_INVITATIONS_PER_HOUR = 20;
const HOUR_MS = 3_600_000;

/** Text that names a web address (the invitation email must not carry one the sender typed). */
export function looksLikeWebAddress(text: string): boolean {
  return /(:\/\/|www\.|\b[a-z0-9-]+\.(com|net|org|io|ru|xyz|info|biz|link|click|top)\b)/i.test(
    text,
  );
}

export const inviteFriendSchema = z.object({
  email: emailSchema,
  name: z
    .string()
    .trim()
    .max(200)
    .refine((name) => !looksLikeWebAddress(name), {
      message: "A name cannot contain a web address.",
    })
    .optional()
    .nullable(),
});

export const referralAlreadyReferred = () =>
  conflict("referral_already_referred", "This person has already been invited by someone.");

/**
 * A referral made by invitation. Refused when the address is the referrer's own (`referral_self`), has an account
 * (`referral_user_exists`) or was referred by anyone before (`referral_already_referred`); the last holds under a
 * race through the unique index on the address, and the account check under the address lock registration takes too.
 */
export async function inviteFriend(
  db: Db,
  options: { referrerUserId: number; email: string; name?: string | null },
): Promise<Referral> {
  const parsed = inviteFriendSchema.safeParse({ email: options.email, name: options.name });
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors;
    throw invalid(
      "validation_error",
      fieldErrors.email ? "Enter a valid email address." : "Check the friend's name.",
      fieldErrors,
    );
  }
  const email = parsed.data.email.toLowerCase();
  try {
    return await db.transaction(async (tx) => {
      // The address lock first, as registration takes it (before inserting a referral that references the referrer).
      await lockReferralEmail(tx, email);
      // The referrer's row lock makes the hourly count exact under concurrent invitations; "no key update" does not
      // block the foreign-key check of a registration inserting a referral to this referrer.
      const [referrer] = await tx
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(eq(users.id, options.referrerUserId))
        .for("no key update");
      if (!referrer) throw notFound("user_not_found", "No such user.");
      if (referrer.email.toLowerCase() === email)
        throw invalid("referral_self", "You cannot refer yourself.");
      const [sent] = await tx
        .select({ n: count() })
        .from(referrals)
        .where(
          and(
            eq(referrals.referrerUserId, referrer.id),
            eq(referrals.source, "invitation"),
            gte(referrals.createdAt, new Date(now().getTime() - HOUR_MS)),
          ),
        );
      if ((sent?.n ?? 0) >= REFERRAL_INVITATIONS_PER_HOUR) {
        throw new AppError(
          "referral_rate_limited",
          `You can send ${REFERRAL_INVITATIONS_PER_HOUR} invitations an hour; try again later.`,
          429,
        );
      }
      const [account] = await tx
        .select({ id: users.id })
        .from(users)
        .where(eq(sql`lower(${users.email})`, email));
      if (account) throw conflict("referral_user_exists", "This person already has an account.");
      const [earlier] = await tx
        .select({ id: referrals.id })
        .from(referrals)
        .where(eq(sql`lower(${referrals.referredEmail})`, email));
      if (earlier) throw referralAlreadyReferred();
      const program = await findDefaultProgram(tx);
      if (!program) throw conflict("referral_program_missing", "Referrals are not open right now.");
      const flags = await referralFlags(tx, {
        referrerUserId: referrer.id,
        friendEmail: email,
        program,
      });
      const at = now();
      const [referral] = await tx
        .insert(referrals)
        .values({
          referrerUserId: referrer.id,
          referredEmail: email,
          referredName: parsed.data.name || null,
          programId: program.id,
          source: "invitation",
          flags,
          review: flags.length > 0 ? "flagged" : null,
          expiresAt: referralExpiry(program, at),
          createdAt: at,
          updatedAt: at,
        })
        .returning();
      if (!referral) throw new Error("insert returned no row");
      // The invitation email goes out from the request (for an answer at once) and from this event's function, which
      // retries a failed delivery; one idempotency key per referral makes it one email either way.
      await recordEvent(tx, {
        name: "referral.invited",
        userId: referrer.id,
        payload: { referral_id: referral.id },
      });
      return referral;
    });
  } catch (error) {
    if (isUniqueViolation(error, "referrals_referred_email_key")) throw referralAlreadyReferred();
    throw error;
  }
}
