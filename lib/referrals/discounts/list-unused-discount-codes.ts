import "server-only";
import { and, desc, eq, gt, isNull, or } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { discountCodes, type DiscountCode } from "@/lib/db/schema";

/** The user's discount codes that can still be used (not used, not expired), newest first; the user in the query. */
export function listUnusedDiscountCodes(db: Db, userId: number): Promise<DiscountCode[]> {
  return db
    .select()
    .from(discountCodes)
    .where(
      and(
        eq(discountCodes.userId, userId),
        isNull(discountCodes.usedAt),
        or(isNull(discountCodes.expiresAt), gt(discountCodes.expiresAt, now())),
      ),
    )
    .orderBy(desc(discountCodes.createdAt), desc(discountCodes.id));
}
