import "server-only";
import { and, eq, notInArray } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import {
  subscriptionTypeContentAccess,
  subscriptionTypes,
  type SubscriptionType,
} from "@/lib/db/schema";
import { conflict, invalid, isUniqueViolation, notFound } from "@/lib/errors";
import { findSubscriptionTypeByCode } from "./find-subscription-type";
import { resolveContentAccessIds } from "./resolve-content-access";
import { subscriptionTypeInputSchema, type SubscriptionTypeInput } from "./schemas";

/**
 * Create a subscription type (no id) or edit one (id), with its content access, in one transaction.
 * A duplicate code is `subscription_type_exists` (409).
 */
export async function saveSubscriptionType(
  db: Db,
  options: SubscriptionTypeInput & { id?: number },
): Promise<SubscriptionType> {
  const input = subscriptionTypeInputSchema.parse(options);
  try {
    return await db.transaction(async (tx) => {
      const contentAccessIds = await resolveContentAccessIds(tx, input.contentAccessCodes);
      const next = input.nextSubscriptionTypeCode
        ? await findSubscriptionTypeByCode(tx, input.nextSubscriptionTypeCode)
        : null;
      if (next && options.id !== undefined && next.id === options.id && next.code !== input.code) {
        throw invalid(
          "next_subscription_type_invalid",
          "A type cannot renew into a different code of itself.",
        );
      }
      const values = {
        code: input.code,
        name: input.name,
        lengthDays: input.lengthDays,
        priceCents: input.priceCents,
        active: input.active,
        isDefault: input.isDefault,
        nextSubscriptionTypeId: next?.id ?? null,
        fixedEnd: input.fixedEnd ?? null,
        offered: input.offered,
        position: input.position,
        // A blank line is no description.
        description: input.description || null,
        highlighted: input.highlighted,
        updatedAt: now(),
      };
      const [type] =
        options.id === undefined
          ? await tx
              .insert(subscriptionTypes)
              .values({ ...values, createdAt: now() })
              .returning()
          : await tx
              .update(subscriptionTypes)
              .set(values)
              .where(eq(subscriptionTypes.id, options.id))
              .returning();
      if (!type) throw notFound("subscription_type_not_found", "No such subscription type.");
      // Only the links that change are written, so the audit log shows what an edit added or removed.
      await tx
        .delete(subscriptionTypeContentAccess)
        .where(
          and(
            eq(subscriptionTypeContentAccess.subscriptionTypeId, type.id),
            notInArray(subscriptionTypeContentAccess.contentAccessId, contentAccessIds),
          ),
        );
      await tx
        .insert(subscriptionTypeContentAccess)
        .values(
          contentAccessIds.map((contentAccessId) => ({
            subscriptionTypeId: type.id,
            contentAccessId,
          })),
        )
        .onConflictDoNothing();
      return type;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(
        "subscription_type_exists",
        `A subscription type with code "${input.code}" exists.`,
      );
    }
    throw error;
  }
}
