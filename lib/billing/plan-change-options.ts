import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { subscriptionTypes, type RecurrentPayment } from "@/lib/db/schema";
import { contentAccessCodesOf } from "@/lib/subscriptions/content-access-codes-sql";

export interface PlanOption {
  id: number;
  code: string;
  name: string;
  lengthDays: number;
  priceCents: number;
  contentAccess: string[];
}

/**
 * The plans a customer may switch their renewal to at period end, from the types on sale (offered, active): another
 * length of the same content (monthly ↔ yearly) or a cheaper plan with no content the current one lacks (a
 * downgrade). More content is an upgrade, which has its own page and pricing.
 */
export async function listPlanChangeOptions(
  db: Db,
  renewal: Pick<RecurrentPayment, "subscriptionTypeId">,
): Promise<{ current: PlanOption; options: PlanOption[] }> {
  const columns = {
    id: subscriptionTypes.id,
    code: subscriptionTypes.code,
    name: subscriptionTypes.name,
    lengthDays: subscriptionTypes.lengthDays,
    priceCents: subscriptionTypes.priceCents,
    contentAccess: contentAccessCodesOf(subscriptionTypes.id),
  };
  const [[current], offered] = await Promise.all([
    db
      .select(columns)
      .from(subscriptionTypes)
      .where(eq(subscriptionTypes.id, renewal.subscriptionTypeId)),
    db
      .select(columns)
      .from(subscriptionTypes)
      .where(and(eq(subscriptionTypes.offered, true), eq(subscriptionTypes.active, true)))
      .orderBy(subscriptionTypes.position, subscriptionTypes.id),
  ]);
  if (!current) throw new Error(`subscription type ${renewal.subscriptionTypeId} vanished`);
  return { current, options: offered.filter((candidate) => isPlanChange(current, candidate)) };
}

/** Pure: may a renewal of `current` switch to `candidate` at period end? */
export function isPlanChange(current: PlanOption, candidate: PlanOption): boolean {
  if (candidate.id === current.id) return false;
  const has = new Set(current.contentAccess);
  if (!candidate.contentAccess.every((code) => has.has(code))) return false;
  const sameContent = candidate.contentAccess.length === current.contentAccess.length;
  if (sameContent && candidate.lengthDays !== current.lengthDays) return true;
  return (
    candidate.priceCents < current.priceCents &&
    (!sameContent || candidate.lengthDays === current.lengthDays)
  );
}
