import "server-only";
import { hashPassword } from "@/lib/auth/passwords";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { users, type User } from "@/lib/db/schema";
import { conflict, isUniqueViolation } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { recordEvent } from "@/lib/events/record-event";
import { attachReferral, type SignUpReferral } from "@/lib/referrals/attach-referral";
import { createUserSchema, type CreateUserInput } from "./schemas";

export interface CreateUserOptions extends CreateUserInput {
  /** Set for people who proved the address (registration through the site confirms on first sign-in). */
  confirmed?: boolean;
  /** Where the account came from, carried in the user.created event (admin, api, register, seed). */
  source?: string;
  /** How the person came (a referral link's code, their browser and IP): links or makes their referral. */
  referral?: SignUpReferral;
  /** The language of their pages and emails: registration stores the one the browser chose or asked for. */
  locale?: Locale;
  /** Their IANA zone, checked by the caller (timeZoneSchema); null: the installation's. */
  timeZone?: string | null;
}

/** Create an account and its `user.created` event in one transaction. A taken email is `user_exists` (409). */
export async function createUser(db: Db, options: CreateUserOptions): Promise<User> {
  const input = createUserSchema.parse(options);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({
          email: input.email,
          name: input.name || null,
          passwordHash,
          role: input.role ?? "customer",
          createdAt: now(),
          confirmedAt: options.confirmed ? now() : null,
          locale: options.locale ?? null,
          timeZone: options.timeZone ?? null,
        })
        .returning();
      if (!user) throw new Error("insert returned no row");
      await attachReferral(tx, user, options.referral);
      await recordEvent(tx, {
        name: "user.created",
        userId: user.id,
        payload: { user_id: user.id, email: user.email, source: options.source ?? "unknown" },
      });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error, "users_email_lower_key"))
      throw conflict("user_exists", `An account with ${input.email} already exists.`);
    throw error;
  }
}
