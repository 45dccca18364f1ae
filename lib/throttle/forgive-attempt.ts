import "server-only";
import { and, eq, inArray, or } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { throttleAttempts } from "@/lib/db/schema";
import { accountBucket, type ThrottleReservation } from "./reserve-attempt";

/**
 * For operations that count failures only (sign-in): a successful attempt is taken back, and with it the account's
 * earlier failures — whoever got in knew the password. The address keeps its failures: a success on one account must
 * not reset a guesser's count for the others.
 */
export async function forgiveAttempt(db: Db, reservation: ThrottleReservation): Promise<void> {
  const own = inArray(throttleAttempts.id, reservation.rowIds);
  await db
    .delete(throttleAttempts)
    .where(
      reservation.accountKey
        ? or(
            own,
            and(
              eq(throttleAttempts.bucket, accountBucket(reservation.operation)),
              eq(throttleAttempts.key, reservation.accountKey),
            ),
          )
        : own,
    );
}
