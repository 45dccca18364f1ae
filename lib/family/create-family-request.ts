import "server-only";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { familyRequests, type FamilyRequest } from "@/lib/db/schema";
import { isUniqueViolation } from "@/lib/errors";
import { generateFamilyCode } from "./family-code";

/** Insert a request with a fresh code; a code collision (1 in 36³²) draws another. */
export async function createFamilyRequest(
  tx: Db,
  values: {
    masterUserId: number;
    masterSubscriptionId: number;
    subscriptionTypeId: number;
    replacesRequestId?: number | null;
  },
): Promise<FamilyRequest> {
  for (let attempt = 0; ; attempt++) {
    try {
      // A savepoint, so a collision does not abort the caller's transaction.
      return await tx.transaction(async (inner) => {
        const [row] = await inner
          .insert(familyRequests)
          .values({
            ...values,
            code: generateFamilyCode(),
            status: "created",
            createdAt: now(),
            updatedAt: now(),
          })
          .returning();
        if (!row) throw new Error("insert returned no row");
        return row;
      });
    } catch (error) {
      if (attempt < 3 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}
