import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db";
import { emailSuppressions, users } from "@/lib/db/schema";

const lifter = alias(users, "lifter");

/** Every suppression of an address (lower-cased here), the active one first, then lifted ones newest first. */
export async function listEmailSuppressions(db: Db, options: { address: string }) {
  return db
    .select({
      id: emailSuppressions.id,
      address: emailSuppressions.address,
      reason: emailSuppressions.reason,
      detail: emailSuppressions.detail,
      emailLogId: emailSuppressions.emailLogId,
      createdAt: emailSuppressions.createdAt,
      liftedAt: emailSuppressions.liftedAt,
      liftedBy: emailSuppressions.liftedBy,
      liftedByEmail: lifter.email,
    })
    .from(emailSuppressions)
    .leftJoin(lifter, eq(lifter.id, emailSuppressions.liftedBy))
    .where(eq(emailSuppressions.address, options.address.trim().toLowerCase()))
    .orderBy(
      sql`${emailSuppressions.liftedAt} is null desc`,
      desc(emailSuppressions.createdAt),
      desc(emailSuppressions.id),
    )
    .limit(200);
}

export type EmailSuppressionRow = Awaited<ReturnType<typeof listEmailSuppressions>>[number];
