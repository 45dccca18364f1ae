import "server-only";
import { inArray } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { contentAccess } from "@/lib/db/schema";

/** Display names of these content access codes; a code without a row keeps its code as its name. */
export async function contentAccessNames(
  db: Db,
  codes: readonly string[],
): Promise<Record<string, string>> {
  const unique = [...new Set(codes)];
  const names: Record<string, string> = Object.fromEntries(unique.map((code) => [code, code]));
  if (unique.length === 0) return names;
  const rows = await db
    .select({ code: contentAccess.code, name: contentAccess.name })
    .from(contentAccess)
    .where(inArray(contentAccess.code, unique));
  for (const row of rows) names[row.code] = row.name;
  return names;
}
