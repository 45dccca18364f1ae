import "server-only";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { emailSuppressions, type EmailSuppression } from "@/lib/db/schema";
import { conflict } from "@/lib/errors";
import { auditSuppressionChange } from "./audit-suppression-change";
import { addEmailSuppressionSchema, type AddEmailSuppressionInput } from "./schemas";

/**
 * Staff (or an API token) suppress an address by hand: no non-transactional mail goes to it until the suppression is
 * lifted. An address already suppressed is 409 `address_already_suppressed`.
 */
export async function addEmailSuppression(
  db: Db,
  input: AddEmailSuppressionInput,
): Promise<EmailSuppression> {
  const { address, detail } = addEmailSuppressionSchema.parse(input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(emailSuppressions)
      .values({ address, reason: "manual", detail: detail || null, createdAt: now() })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict("address_already_suppressed", `${address} is already suppressed.`);
    await auditSuppressionChange(tx, {
      suppressionId: row.id,
      operation: "insert",
      before: null,
      after: { address, reason: row.reason, detail: row.detail },
    });
    return row;
  });
}
