import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { familySubscriptionTypes } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { refuseIfFamilyTypeInUse } from "./family-type-in-use";

/**
 * Delete a family type, unless running master subscriptions of its master type hold live requests
 * (`family_type_in_use`, 409). Requests stay: they belong to subscriptions, not to the configuration.
 */
export async function deleteFamilyType(db: Db, options: { familyTypeId: number }): Promise<void> {
  await db.transaction(async (tx) => {
    const [type] = await tx
      .select({ masterSubscriptionTypeId: familySubscriptionTypes.masterSubscriptionTypeId })
      .from(familySubscriptionTypes)
      .where(eq(familySubscriptionTypes.id, options.familyTypeId))
      .for("update");
    if (!type) throw notFound("family_type_not_found", "No such family type.");
    await refuseIfFamilyTypeInUse(tx, {
      masterSubscriptionTypeId: type.masterSubscriptionTypeId,
      action: "The family type cannot be deleted",
    });
    await tx
      .delete(familySubscriptionTypes)
      .where(eq(familySubscriptionTypes.id, options.familyTypeId));
  });
}
