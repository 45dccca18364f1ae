"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { isAppError } from "@/lib/errors";
import { checkboxField, idField, moneyField, stringList } from "@/lib/forms/form-fields";
import { setSetting } from "@/lib/settings";
import { codeSchema } from "@/lib/subscriptions/schemas";
import { deleteUpgradeOption } from "@/lib/upgrades/admin/delete-upgrade-option";
import { deleteUpgradeSchema } from "@/lib/upgrades/admin/delete-upgrade-schema";
import { linkSubscriptionTypes } from "@/lib/upgrades/admin/link-subscription-types";
import { optionConfigFromForm } from "@/lib/upgrades/admin/option-form-config";
import { saveUpgradeOption } from "@/lib/upgrades/admin/save-upgrade-option";
import { saveUpgradeSchema } from "@/lib/upgrades/admin/save-upgrade-schema";
import { upgradeSchemaNameSchema } from "@/lib/upgrades/schemas";
import { UPGRADE_TYPES } from "@/lib/upgrades/option-config";

const REVALIDATE = ["/admin/upgrades"];
const optionalId = z.preprocess((value) => (value === "" ? undefined : value), idField.optional());

export const saveUpgradeSchemaAction = defineAction(
  {
    permission: "catalog.write",
    name: "upgrade-schemas.save",
    schema: z.object({ id: optionalId, name: upgradeSchemaNameSchema }),
    revalidate: REVALIDATE,
  },
  async ({ id, name }, { db }) => {
    let schemaId: number;
    try {
      schemaId = (await saveUpgradeSchema(db, { id, name })).id;
    } catch (error) {
      if (isAppError(error) && error.code === "upgrade_schema_name_taken") {
        return {
          ok: false,
          error: error.code,
          message: error.message,
          fieldErrors: { name: ["This name is taken."] },
        };
      }
      throw error;
    }
    if (id !== undefined) return { ok: true, message: "Schema renamed." };
    redirect(`/admin/upgrades/${schemaId}`);
  },
);

export const deleteUpgradeSchemaAction = defineAction(
  {
    permission: "catalog.write",
    name: "upgrade-schemas.delete",
    schema: z.object({ schemaId: idField }),
    revalidate: REVALIDATE,
  },
  async ({ schemaId }, { db }) => {
    await deleteUpgradeSchema(db, { schemaId });
    redirect("/admin/upgrades?deleted=1");
  },
);

const optionFormSchema = z.object({
  schemaId: idField,
  optionId: optionalId,
  type: z.enum(UPGRADE_TYPES, { message: "Choose an upgrade method." }),
  requireContent: stringList,
  omitContent: stringList,
  // Blank means no fixed price raise.
  monthlyFix: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    moneyField.optional(),
  ),
  tags: z.preprocess((value) => (typeof value === "string" ? value : ""), z.string().max(1000)),
  targetTypeCode: z.preprocess((value) => (value === "" ? null : value), codeSchema.nullable()),
});

export const saveUpgradeOptionAction = defineAction(
  {
    permission: "catalog.write",
    name: "upgrade-options.save",
    schema: optionFormSchema,
    revalidate: REVALIDATE,
  },
  async (
    { schemaId, optionId, type, requireContent, omitContent, monthlyFix, tags, targetTypeCode },
    { db },
  ) => {
    const parsed = optionConfigFromForm({ requireContent, omitContent, monthlyFix, tags });
    if (!parsed.success) {
      return {
        ok: false,
        error: "validation_error",
        message: "Check the highlighted fields.",
        fieldErrors: parsed.fieldErrors,
      };
    }
    try {
      await saveUpgradeOption(db, {
        schemaId,
        optionId,
        type,
        config: parsed.config,
        targetTypeCode,
      });
    } catch (error) {
      const field = isAppError(error)
        ? {
            content_access_not_found: "requireContent",
            subscription_type_not_found: "targetTypeCode",
          }[error.code]
        : undefined;
      if (isAppError(error) && field) {
        return {
          ok: false,
          error: error.code,
          message: error.message,
          fieldErrors: { [field]: [error.message] },
        };
      }
      throw error;
    }
    redirect(`/admin/upgrades/${schemaId}?saved=option`);
  },
);

export const deleteUpgradeOptionAction = defineAction(
  {
    permission: "catalog.write",
    name: "upgrade-options.delete",
    schema: z.object({ schemaId: idField, optionId: idField }),
    revalidate: REVALIDATE,
  },
  async ({ schemaId, optionId }, { db }) => {
    await deleteUpgradeOption(db, { schemaId, optionId });
    return { ok: true, message: "Option deleted." };
  },
);

export const saveLinkedTypesAction = defineAction(
  {
    permission: "catalog.write",
    name: "upgrade-schemas.link-types",
    schema: z.object({ schemaId: idField, typeCodes: stringList.pipe(z.array(codeSchema)) }),
    revalidate: REVALIDATE,
  },
  async ({ schemaId, typeCodes }, { db }) => {
    const linked = await linkSubscriptionTypes(db, { schemaId, codes: typeCodes, mode: "replace" });
    return {
      ok: true,
      message:
        linked.length === 0 ? "No subscription type is linked." : `Linked: ${linked.join(", ")}.`,
    };
  },
);

export const saveSubsequentUpgradesAction = defineAction(
  {
    permission: "catalog.write",
    name: "upgrades.subsequent-setting",
    schema: z.object({ enabled: checkboxField }),
    revalidate: REVALIDATE,
  },
  async ({ enabled }, { db }) => {
    await setSetting(db, "upgrades.subsequent_upgrades", enabled);
    return {
      ok: true,
      message: enabled ? "Subsequent upgrades are on." : "Subsequent upgrades are off.",
    };
  },
);
