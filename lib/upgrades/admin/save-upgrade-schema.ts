import "server-only";
import { eq } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { upgradeSchemas, type UpgradeSchema } from "@/lib/db/schema";
import { conflict, isUniqueViolation, notFound } from "@/lib/errors";
import { upgradeSchemaNameSchema } from "../schemas";

/** Create an upgrade schema (no id) or rename one (id). Names are unique: a taken one is `upgrade_schema_name_taken` (409). */
export async function saveUpgradeSchema(
  db: Db,
  options: { id?: number; name: string },
): Promise<UpgradeSchema> {
  const name = upgradeSchemaNameSchema.parse(options.name);
  try {
    // In a transaction, where the audit log records a staff change (lib/db/connect.ts).
    const [schema] = await db.transaction((tx) =>
      options.id === undefined
        ? tx.insert(upgradeSchemas).values({ name, createdAt: now(), updatedAt: now() }).returning()
        : tx
            .update(upgradeSchemas)
            .set({ name, updatedAt: now() })
            .where(eq(upgradeSchemas.id, options.id))
            .returning(),
    );
    if (!schema) throw notFound("upgrade_schema_not_found", "No such upgrade schema.");
    return schema;
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict("upgrade_schema_name_taken", `An upgrade schema named "${name}" exists.`);
    throw error;
  }
}
