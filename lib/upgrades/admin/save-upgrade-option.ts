import "server-only";
import { and, eq } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { upgradeOptions, upgradeSchemas, type UpgradeOption } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { findSubscriptionTypeByCode } from "@/lib/subscriptions/find-subscription-type";
import { resolveContentAccessIds } from "@/lib/subscriptions/resolve-content-access";
import { upgradeOptionInputSchema, type UpgradeOptionInput } from "../schemas";

/**
 * Create an option in a schema (no optionId) or edit one of that schema's options. The config is validated with
 * `upgradeOptionConfigSchema` (a ZodError, 400); every content access it names must exist (`content_access_not_found`)
 * and so must the explicit target (`subscription_type_not_found`). An unknown schema, or an option of another schema,
 * is 404.
 */
export async function saveUpgradeOption(
  db: Db,
  options: UpgradeOptionInput & { schemaId: number; optionId?: number },
): Promise<UpgradeOption> {
  const input = upgradeOptionInputSchema.parse(options);
  return db.transaction(async (tx) => {
    const [schema] = await tx
      .select({ id: upgradeSchemas.id })
      .from(upgradeSchemas)
      .where(eq(upgradeSchemas.id, options.schemaId));
    if (!schema) throw notFound("upgrade_schema_not_found", "No such upgrade schema.");
    await resolveContentAccessIds(tx, [
      ...input.config.require_content,
      ...(input.config.omit_content ?? []),
    ]);
    const target = input.targetTypeCode
      ? await findSubscriptionTypeByCode(tx, input.targetTypeCode)
      : null;
    const values = {
      type: input.type,
      config: withoutEmptyLists(input.config),
      subscriptionTypeId: target?.id ?? null,
      updatedAt: now(),
    };
    const [option] =
      options.optionId === undefined
        ? await tx
            .insert(upgradeOptions)
            .values({ ...values, upgradeSchemaId: schema.id, createdAt: now() })
            .returning()
        : await tx
            .update(upgradeOptions)
            .set(values)
            .where(
              and(
                eq(upgradeOptions.id, options.optionId),
                eq(upgradeOptions.upgradeSchemaId, schema.id),
              ),
            )
            .returning();
    if (!option)
      throw notFound("upgrade_option_not_found", "No such option in this upgrade schema.");
    return option;
  });
}

/** Stored configs leave out empty optional lists, so "no omitted content" and "no tags" read the same everywhere. */
function withoutEmptyLists(config: UpgradeOption["config"]): UpgradeOption["config"] {
  const stored: UpgradeOption["config"] = { require_content: config.require_content };
  if (config.omit_content?.length) stored.omit_content = config.omit_content;
  if (config.monthly_fix !== undefined) stored.monthly_fix = config.monthly_fix;
  if (config.require_tags?.length) stored.require_tags = config.require_tags;
  return stored;
}
