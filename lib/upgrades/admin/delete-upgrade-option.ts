import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { upgradeOptions } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";

/** Delete one option of a schema; an option of another schema is not found. */
export async function deleteUpgradeOption(
  db: Db,
  options: { schemaId: number; optionId: number },
): Promise<void> {
  // In a transaction, where the audit log records a staff change (lib/db/connect.ts).
  const deleted = await db.transaction((tx) =>
    tx
      .delete(upgradeOptions)
      .where(
        and(
          eq(upgradeOptions.id, options.optionId),
          eq(upgradeOptions.upgradeSchemaId, options.schemaId),
        ),
      )
      .returning({ id: upgradeOptions.id }),
  );
  if (deleted.length === 0)
    throw notFound("upgrade_option_not_found", "No such option in this upgrade schema.");
}
