import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { emailSuppressions, type EmailSuppression } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { auditSuppressionChange } from "./audit-suppression-change";

/**
 * Lift an active suppression: the address gets non-transactional mail again (a later hard bounce or complaint
 * suppresses it anew). The row stays, with who lifted it and when. A suppression that does not exist or is already
 * lifted is 404 `email_suppression_not_found`.
 */
export async function liftEmailSuppression(
  db: Db,
  options: { suppressionId: number; liftedBy: number | null },
): Promise<EmailSuppression> {
  return db.transaction(async (tx) => {
    const liftedAt = now();
    const [row] = await tx
      .update(emailSuppressions)
      .set({ liftedAt, liftedBy: options.liftedBy })
      .where(
        and(eq(emailSuppressions.id, options.suppressionId), isNull(emailSuppressions.liftedAt)),
      )
      .returning();
    if (!row) throw notFound("email_suppression_not_found", "No active suppression with that id.");
    await auditSuppressionChange(tx, {
      suppressionId: row.id,
      operation: "update",
      before: { lifted_at: null, lifted_by: null },
      after: { lifted_at: liftedAt.toISOString(), lifted_by: options.liftedBy },
    });
    return row;
  });
}
