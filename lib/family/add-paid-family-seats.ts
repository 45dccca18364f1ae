import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { payments, type FamilyRequest } from "@/lib/db/schema";
import { readFamilySeatsMeta } from "./family-seats-meta";
import { generateFamilyRequests } from "./generate-family-requests";

/**
 * After `payment.paid`: when the payment bought extra family seats, top its master subscription's requests up (the
 * paid seats now count in generateFamilyRequests). Anything else is left alone; running it twice adds nothing.
 */
export async function addPaidFamilySeats(
  db: Db,
  options: { paymentId: number },
): Promise<FamilyRequest[]> {
  const [payment] = await db
    .select({ status: payments.status, meta: payments.meta })
    .from(payments)
    .where(eq(payments.id, options.paymentId));
  if (payment?.status !== "paid") return [];
  const seats = readFamilySeatsMeta(payment.meta);
  if (!seats) return [];
  return generateFamilyRequests(db, { subscriptionId: seats.master_subscription_id });
}
