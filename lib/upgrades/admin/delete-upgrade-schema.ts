import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { upgradeSchemas } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";

/**
 * Delete an upgrade schema with its options and links (cascade). Upgrades already performed keep their rows; their
 * option reference becomes null.
 */
export async function deleteUpgradeSchema(db: Db, options: { schemaId: number }): Promise<void> {
  // In a transaction, where the audit log records a staff change (lib/db/connect.ts).
  const deleted = await db.transaction((tx) =>
    tx
      .delete(upgradeSchemas)
      .where(eq(upgradeSchemas.id, options.schemaId))
      .returning({ id: upgradeSchemas.id }),
  );
  if (deleted.length === 0) throw notFound("upgrade_schema_not_found", "No such upgrade schema.");
}
