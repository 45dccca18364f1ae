import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { upgradeSchemas } from "@/lib/db/schema";
import { linkSubscriptionTypes } from "@/lib/upgrades/admin/link-subscription-types";
import { saveUpgradeOption } from "@/lib/upgrades/admin/save-upgrade-option";
import { saveUpgradeSchema } from "@/lib/upgrades/admin/save-upgrade-schema";
import type { UpgradeOptionInput } from "@/lib/upgrades/admin/upgrade-admin-inputs";

const SCHEMA_NAME = "Web upgrades";
const LINKED_TYPES = ["web_monthly", "web_yearly"];
const OPTIONS: UpgradeOptionInput[] = [
  { type: "paid_recurrent", config: { require_content: ["print"] } },
  { type: "free_recurrent", config: { require_content: ["print"] } },
  { type: "paid_extend", config: { require_content: ["print"] } },
  { type: "short", config: { require_content: ["print"] } },
  { type: "short", config: { require_content: ["club"] } },
];

/** An upgrade schema for web subscribers (to print, or club), unless one by that name exists. Needs the demo catalog. */
export async function seedDemoUpgrades(db: Db): Promise<string[]> {
  const [existing] = await db.select({ id: upgradeSchemas.id }).from(upgradeSchemas).where(eq(upgradeSchemas.name, SCHEMA_NAME));
  if (existing) return [];
  // One transaction: a half-made schema would be skipped by name on the next run.
  await db.transaction(async (tx) => {
    const schema = await saveUpgradeSchema(tx, { name: SCHEMA_NAME });
    for (const option of OPTIONS) await saveUpgradeOption(tx, { ...option, schemaId: schema.id });
    await linkSubscriptionTypes(tx, { schemaId: schema.id, codes: LINKED_TYPES, mode: "replace" });
  });
  return [`upgrade schema ${SCHEMA_NAME} (${OPTIONS.length} options, linked to ${LINKED_TYPES.join(", ")})`];
}
