import "server-only";
import type { Db } from "@/lib/db";
import { updateSetting } from "@/lib/settings";
import {
  applyEmailDeliveryChange,
  type EmailDeliveryChange,
  type EmailDeliverySettings,
} from "./delivery-settings";

/**
 * Change the frequency cap and quiet hours of marketing mail: the fields named replace the current ones, one change at
 * a time (updateSetting: two made at once both stay). Saved in a transaction, so a staff member's or a token's change
 * is in the audit log. Mail already held by a
 * scenario keeps the time it was given; the next try decides under the new settings.
 */
export async function updateEmailDeliverySettings(
  db: Db,
  change: EmailDeliveryChange,
): Promise<EmailDeliverySettings> {
  return updateSetting(db, "email.delivery", (current) =>
    applyEmailDeliveryChange(current, change),
  );
}
