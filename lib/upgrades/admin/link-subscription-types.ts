import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { subscriptionTypes, subscriptionTypeUpgradeSchemas, upgradeSchemas } from "@/lib/db/schema";
import { invalid, notFound } from "@/lib/errors";
import { subscriptionTypeCodesSchema } from "../schemas";

/**
 * Link subscription types to an upgrade schema, in one transaction. `replace` makes the given codes the whole set (the
 * admin's checkbox list); `add` links them beside the existing ones, idempotently (the API). Unknown codes are
 * `subscription_type_not_found` and change nothing. Returns the schema's linked codes, sorted.
 */
export async function linkSubscriptionTypes(
  db: Db,
  options: { schemaId: number; codes: readonly string[]; mode: "replace" | "add" },
): Promise<string[]> {
  const codes = [...new Set(subscriptionTypeCodesSchema.parse(options.codes))];
  return db.transaction(async (tx) => {
    // Locks the schema row so two concurrent replacements do not interleave their delete and insert.
    const [schema] = await tx
      .select({ id: upgradeSchemas.id })
      .from(upgradeSchemas)
      .where(eq(upgradeSchemas.id, options.schemaId))
      .for("update");
    if (!schema) throw notFound("upgrade_schema_not_found", "No such upgrade schema.");
    const types =
      codes.length === 0
        ? []
        : await tx
            .select({ id: subscriptionTypes.id, code: subscriptionTypes.code })
            .from(subscriptionTypes)
            .where(inArray(subscriptionTypes.code, codes));
    const missing = codes.filter((code) => !types.some((type) => type.code === code));
    if (missing.length > 0)
      throw invalid(
        "subscription_type_not_found",
        `Unknown subscription type: ${missing.join(", ")}.`,
      );
    if (options.mode === "replace") {
      await tx
        .delete(subscriptionTypeUpgradeSchemas)
        .where(eq(subscriptionTypeUpgradeSchemas.upgradeSchemaId, schema.id));
    }
    if (types.length > 0) {
      await tx
        .insert(subscriptionTypeUpgradeSchemas)
        .values(types.map((type) => ({ subscriptionTypeId: type.id, upgradeSchemaId: schema.id })))
        .onConflictDoNothing();
    }
    const linked = await tx
      .select({ code: subscriptionTypes.code })
      .from(subscriptionTypeUpgradeSchemas)
      .innerJoin(
        subscriptionTypes,
        eq(subscriptionTypes.id, subscriptionTypeUpgradeSchemas.subscriptionTypeId),
      )
      .where(eq(subscriptionTypeUpgradeSchemas.upgradeSchemaId, schema.id))
      .orderBy(asc(subscriptionTypes.code));
    return linked.map((row) => row.code);
  });
}
