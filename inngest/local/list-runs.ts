import "server-only";
import { and, count, desc, eq, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { localRuns, type LocalRunStatus } from "./schema";

export async function listRuns(
  db: Db,
  options: { status?: LocalRunStatus; functionId?: string; limit: number; offset: number },
) {
  const conditions: SQL[] = [];
  if (options.status) conditions.push(eq(localRuns.status, options.status));
  if (options.functionId) conditions.push(eq(localRuns.functionId, options.functionId));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(localRuns)
      .where(where)
      .orderBy(desc(localRuns.createdAt), desc(localRuns.id))
      .limit(options.limit)
      .offset(options.offset),
    db.select({ n: count() }).from(localRuns).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
