import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { upgradeSchemas } from "@/lib/db/schema";
import { linkSubscriptionTypes } from "@/lib/upgrades/admin/link-subscription-types";
import { saveUpgradeOption } from "@/lib/upgrades/admin/save-upgrade-option";
import { saveUpgradeSchema } from "@/lib/upgrades/admin/save-upgrade-schema";
import type { UpgradeOptionInput } from "@/lib/upgrades/schemas";

const PRINT_FOR_WEB: UpgradeOptionInput[] = [
  { type: "paid_recurrent", config: { require_content: ["print"] } },
  { type: "free_recurrent", config: { require_content: ["print"] } },
  { type: "paid_extend", config: { require_content: ["print"] } },
  { type: "short", config: { require_content: ["print"] } },
  { type: "short", config: { require_content: ["club"] } },
];
const CLUB_FOR_PRINT: UpgradeOptionInput[] = [
  { type: "paid_recurrent", config: { require_content: ["club"] } },
  { type: "free_recurrent", config: { require_content: ["club"] } },
  { type: "paid_extend", config: { require_content: ["club"] } },
  { type: "short", config: { require_content: ["club"] } },
];

/** Web subscribers can add print (or club); web + print subscribers can add the club. */
const DEMO_SCHEMAS = [
  { name: "Web upgrades", linkedTypes: ["web_monthly", "web_yearly"], options: PRINT_FOR_WEB },
  {
    name: "Print upgrades",
    linkedTypes: ["web_print_monthly", "web_print_yearly"],
    options: CLUB_FOR_PRINT,
  },
];

/** The demo upgrade schemas that do not exist yet (by name). Needs the demo catalog. */
export async function seedDemoUpgrades(db: Db): Promise<string[]> {
  const created: string[] = [];
  for (const spec of DEMO_SCHEMAS) {
    const [existing] = await db
      .select({ id: upgradeSchemas.id })
      .from(upgradeSchemas)
      .where(eq(upgradeSchemas.name, spec.name));
    if (existing) continue;
    // One transaction: a half-made schema would be skipped by name on the next run.
    await db.transaction(async (tx) => {
      const schema = await saveUpgradeSchema(tx, { name: spec.name });
      for (const option of spec.options)
        await saveUpgradeOption(tx, { ...option, schemaId: schema.id });
      await linkSubscriptionTypes(tx, {
        schemaId: schema.id,
        codes: spec.linkedTypes,
        mode: "replace",
      });
    });
    created.push(
      `upgrade schema ${spec.name} (${spec.options.length} options, linked to ${spec.linkedTypes.join(", ")})`,
    );
  }
  return created;
}
