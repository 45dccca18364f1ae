import { notFound } from "@/lib/errors";
import { upgradeSchemaIdParamSchema } from "@/lib/api/operations/upgrade-schemas";

/** The `{id}` segment; a value that is not an id names no schema (404, like an unknown one). */
export function upgradeSchemaId(params: Record<string, string>): number {
  const parsed = upgradeSchemaIdParamSchema.safeParse(params.id);
  if (!parsed.success) throw notFound("upgrade_schema_not_found", "No such upgrade schema.");
  return parsed.data;
}
