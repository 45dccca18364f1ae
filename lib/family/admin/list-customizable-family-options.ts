import "server-only";
import { and, asc, eq, isNull, notInArray } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { familySubscriptionTypes, subscriptionTypes } from "@/lib/db/schema";
import type { CustomizableFamilyOption } from "../customizable-family-payment";

/**
 * The customizable family types (no child type) with the child types a payment for one may hold. Generation issues a
 * code for every subscription-type item other than the master's, so the choice is every active type that is not
 * itself a family master type (a code must give a plain subscription, never another family).
 */
export async function listCustomizableFamilyOptions(db: Db): Promise<CustomizableFamilyOption[]> {
  const masterTypeIds = db
    .select({ id: familySubscriptionTypes.masterSubscriptionTypeId })
    .from(familySubscriptionTypes);
  const [masters, childTypes] = await Promise.all([
    db
      .select({ code: subscriptionTypes.code })
      .from(familySubscriptionTypes)
      .innerJoin(
        subscriptionTypes,
        eq(subscriptionTypes.id, familySubscriptionTypes.masterSubscriptionTypeId),
      )
      .where(isNull(familySubscriptionTypes.childSubscriptionTypeId))
      .orderBy(asc(subscriptionTypes.code)),
    db
      .select({
        code: subscriptionTypes.code,
        name: subscriptionTypes.name,
        priceCents: subscriptionTypes.priceCents,
      })
      .from(subscriptionTypes)
      .where(
        and(eq(subscriptionTypes.active, true), notInArray(subscriptionTypes.id, masterTypeIds)),
      )
      .orderBy(asc(subscriptionTypes.name)),
  ]);
  return masters.map((master) => ({ masterCode: master.code, childTypes }));
}
