import "server-only";
import { inArray } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { contentAccess } from "@/lib/db/schema";
import { invalid } from "@/lib/errors";

/** Content access ids for codes; an unknown code is `content_access_not_found` naming it. */
export async function resolveContentAccessIds(db: Db, codes: readonly string[]): Promise<number[]> {
  const unique = [...new Set(codes)];
  const rows = await db
    .select({ id: contentAccess.id, code: contentAccess.code })
    .from(contentAccess)
    .where(inArray(contentAccess.code, unique));
  const missing = unique.filter((code) => !rows.some((row) => row.code === code));
  if (missing.length > 0) {
    throw invalid("content_access_not_found", `Unknown content access: ${missing.join(", ")}.`);
  }
  return rows.map((row) => row.id);
}
