import { notFound } from "@/lib/errors";
import { pathIdParam } from "@/lib/api/path-id-param";

/** The `{id}` segment; a value that is not an id names no schema (404, like an unknown one). */
export function upgradeSchemaId(params: Record<string, string>): number {
  return pathIdParam(params, "id", () =>
    notFound("upgrade_schema_not_found", "No such upgrade schema."),
  );
}
