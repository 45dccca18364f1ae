import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { recurrentPayments } from "@/lib/db/schema";

/** Active recurrent payments whose charge (or retry after a decline) is due, oldest first. Index-backed. */
export async function findDueRecurrentPayments(db: Db, options: { limit?: number } = {}) {
  return db
    .select({ id: recurrentPayments.id, failedAttempts: recurrentPayments.failedAttempts })
    .from(recurrentPayments)
    .where(
      and(
        eq(recurrentPayments.state, "active"),
        sql`coalesce(${recurrentPayments.nextAttemptAt}, ${recurrentPayments.chargeAt}) <= ${now().toISOString()}::timestamptz`,
      ),
    )
    .orderBy(sql`coalesce(${recurrentPayments.nextAttemptAt}, ${recurrentPayments.chargeAt})`)
    .limit(options.limit ?? 1000);
}
