import { randomUUID } from "node:crypto";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { referralPrograms, type ReferralProgram } from "@/lib/db/schema";
import { createPayment } from "@/lib/payments/create-payment";
import { markPaymentPaid } from "@/lib/payments/mark-payment-paid";
import { programColumns, programInputSchema, type ProgramInputRaw } from "@/lib/referrals/schemas";
import { createUser } from "@/lib/users/create-user";
import { seedCatalogTypes } from "../../support/catalog";

/**
 * Fixtures for the referral tests. Every test file gets a database of its own: call `seedReferralCatalog` once per
 * file (beforeAll). Emails are unique per call (`uniqueEmail`).
 */

export const REFERRAL_CATALOG = {
  web_monthly: { name: "Web monthly", lengthDays: 31, priceCents: 990, content: ["web"] },
  web_yearly: { name: "Web yearly", lengthDays: 365, priceCents: 4990, content: ["web"] },
} as const;

/** Content access `web` and the two web types; returns their ids by code. */
export async function seedReferralCatalog(
  db: Db,
): Promise<Record<keyof typeof REFERRAL_CATALOG, number>> {
  return seedCatalogTypes(db, { contentAccess: ["web"], types: REFERRAL_CATALOG });
}

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
}

/**
 * Insert a program straight into the table (validated by the same schema admins use). By default: active, the
 * default program, trigger sign_up, free_days 30 granting web_monthly when nothing runs, no cap.
 */
export async function insertProgram(
  db: Db,
  input: Partial<ProgramInputRaw> = {},
): Promise<ReferralProgram> {
  const parsed = programInputSchema.parse({
    name: `Program ${randomUUID().slice(0, 8)}`,
    is_default: true,
    triggers: [{ type: "sign_up", options: {} }],
    reward: { type: "free_days", options: { days: 30, subscription_type_code: "web_monthly" } },
    ...input,
  });
  return db.transaction(async (tx) => {
    if (parsed.is_default) await tx.update(referralPrograms).set({ isDefault: false });
    const [program] = await tx.insert(referralPrograms).values(programColumns(parsed)).returning();
    if (!program) throw new Error("insert returned no row");
    return program;
  });
}

export async function makeUser(db: Db, email = uniqueEmail()) {
  return createUser(db, {
    email,
    password: "secret1234",
    name: email.split("@")[0],
    source: "test",
  });
}

/** A paid payment of one subscription type for the user (creates the subscription and `payment.paid`). */
export async function payFor(
  db: Db,
  userId: number,
  subscriptionTypeCode: string,
  amountCents?: number,
) {
  const { payment } = await createPayment(db, {
    userId,
    gateway: "manual",
    items: [
      { subscriptionTypeCode, count: 1, ...(amountCents === undefined ? {} : { amountCents }) },
    ],
  });
  return markPaymentPaid(db, { paymentId: payment.id, actor: SYSTEM_ACTOR });
}
