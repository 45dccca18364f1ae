import "server-only";
import { eq } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { familySubscriptionTypes, type FamilySubscriptionType } from "@/lib/db/schema";
import { conflict, isUniqueViolation, notFound } from "@/lib/errors";
import { findSubscriptionTypeByCode } from "@/lib/subscriptions/find-subscription-type";
import { familyTypeInputSchema, type FamilyTypeInput } from "../schemas";
import { refuseIfFamilyTypeInUse } from "./family-type-in-use";

/**
 * Create a family type (no id) or edit one (id). A master type has one family type (`family_type_exists`, 409);
 * unknown type codes are `subscription_type_not_found` (400). Moving a family type to another master type while its
 * old master subscriptions hold live requests is `family_type_in_use` (409).
 */
export async function saveFamilyType(
  db: Db,
  options: FamilyTypeInput & { id?: number },
): Promise<FamilySubscriptionType> {
  const input = familyTypeInputSchema.parse(options);
  try {
    return await db.transaction(async (tx) => {
      const master = await findSubscriptionTypeByCode(tx, input.masterTypeCode);
      const child =
        input.childTypeCode === null
          ? null
          : await findSubscriptionTypeByCode(tx, input.childTypeCode);
      if (options.id !== undefined) {
        const [current] = await tx
          .select({ masterSubscriptionTypeId: familySubscriptionTypes.masterSubscriptionTypeId })
          .from(familySubscriptionTypes)
          .where(eq(familySubscriptionTypes.id, options.id))
          .for("update");
        if (!current) throw notFound("family_type_not_found", "No such family type.");
        if (current.masterSubscriptionTypeId !== master.id) {
          await refuseIfFamilyTypeInUse(tx, {
            masterSubscriptionTypeId: current.masterSubscriptionTypeId,
            action: "The master type cannot change",
          });
        }
      }
      const values = {
        masterSubscriptionTypeId: master.id,
        childSubscriptionTypeId: child?.id ?? null,
        donationMethod: input.donationMethod,
        donationDays: input.donationDays,
        donationFixedEnd: input.donationFixedEnd,
        count: input.count,
        isPaid: input.isPaid,
        allowSelfUse: input.allowSelfUse,
        renewalGapDays: input.renewalGapDays,
        updatedAt: now(),
      };
      const [saved] =
        options.id === undefined
          ? await tx
              .insert(familySubscriptionTypes)
              .values({ ...values, createdAt: now() })
              .returning()
          : await tx
              .update(familySubscriptionTypes)
              .set(values)
              .where(eq(familySubscriptionTypes.id, options.id))
              .returning();
      if (!saved) throw notFound("family_type_not_found", "No such family type.");
      return saved;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(
        "family_type_exists",
        `Subscription type "${input.masterTypeCode}" already has a family type.`,
      );
    }
    throw error;
  }
}
