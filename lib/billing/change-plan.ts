import "server-only";
import { eq } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { recurrentPayments, subscriptionTypes, type RecurrentPayment } from "@/lib/db/schema";
import { conflict, notFound } from "@/lib/errors";
import { findMyRenewal } from "./find-my-renewal";
import { listPlanChangeOptions } from "./plan-change-options";

async function lockActiveRenewal(tx: Db, userId: number): Promise<RecurrentPayment> {
  const renewal = await findMyRenewal(tx, userId, { lock: true });
  if (!renewal) throw notFound("renewal_not_found", "You have no automatic renewal to change.");
  if (renewal.state !== "active")
    throw conflict(
      "renewal_not_active",
      "Resume your automatic renewal first; a plan change applies to the next renewal.",
    );
  return renewal;
}

/**
 * Schedule a switch of plan for the next renewal: the recurrent payment's next charge buys `subscriptionTypeCode`
 * at its price (a custom renewal price, e.g. an upgrade's, does not carry over). Allowed targets: listPlanChangeOptions.
 */
export async function schedulePlanChange(
  db: Db,
  options: { userId: number; subscriptionTypeCode: string },
): Promise<RecurrentPayment> {
  return db.transaction(async (tx) => {
    const renewal = await lockActiveRenewal(tx, options.userId);
    const { options: allowed } = await listPlanChangeOptions(tx, renewal);
    const target = allowed.find((candidate) => candidate.code === options.subscriptionTypeCode);
    if (!target) {
      throw conflict(
        "plan_change_not_allowed",
        "That plan is not one your renewal can switch to (another length of your plan, or a cheaper one).",
      );
    }
    const [updated] = await tx
      .update(recurrentPayments)
      .set({
        nextSubscriptionTypeId: target.id,
        customAmountCents: null,
        planChangedAt: now(),
        updatedAt: now(),
      })
      .where(eq(recurrentPayments.id, renewal.id))
      .returning();
    if (!updated) throw new Error("update returned no row");
    return updated;
  });
}

/** Cancel a scheduled switch: the next renewal buys what the plan itself renews into again. */
export async function cancelPlanChange(
  db: Db,
  options: { userId: number },
): Promise<RecurrentPayment> {
  return db.transaction(async (tx) => {
    const renewal = await lockActiveRenewal(tx, options.userId);
    if (renewal.planChangedAt === null)
      throw notFound("plan_change_not_found", "No plan change is scheduled.");
    const [own] = await tx
      .select({ next: subscriptionTypes.nextSubscriptionTypeId })
      .from(subscriptionTypes)
      .where(eq(subscriptionTypes.id, renewal.subscriptionTypeId));
    const [updated] = await tx
      .update(recurrentPayments)
      .set({ nextSubscriptionTypeId: own?.next ?? null, planChangedAt: null, updatedAt: now() })
      .where(eq(recurrentPayments.id, renewal.id))
      .returning();
    if (!updated) throw new Error("update returned no row");
    return updated;
  });
}
