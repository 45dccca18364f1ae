import "server-only";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { discountCodes, type DiscountCode, type DiscountKind } from "@/lib/db/schema";
import { randomLowerAlphanumeric } from "@/lib/random-code";

export interface CreateDiscountCodeOptions {
  userId: number;
  kind: DiscountKind;
  percentOff?: number | null;
  amountOffCents?: number | null;
  expiresAt?: Date | null;
}

/** A one-use code for the user: `SF-` and 10 characters of [0-9A-Z] (a taken code is drawn again). */
export async function createDiscountCode(
  db: Db,
  options: CreateDiscountCodeOptions,
): Promise<DiscountCode> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const [code] = await db
      .insert(discountCodes)
      .values({
        userId: options.userId,
        code: `SF-${randomLowerAlphanumeric(10).toUpperCase()}`,
        kind: options.kind,
        percentOff: options.kind === "percent" ? (options.percentOff ?? null) : null,
        amountOffCents: options.kind === "fixed" ? (options.amountOffCents ?? null) : null,
        expiresAt: options.expiresAt ?? null,
        createdAt: now(),
      })
      .onConflictDoNothing({ target: discountCodes.code })
      .returning();
    if (code) return code;
  }
  throw new Error("could not allocate a discount code");
}
