import type { SubscriptionUpgrade } from "@/lib/db/schema";

/**
 * What the customer's upgrade result page says, decided by the upgrade's own status: only a completed upgrade is
 * "upgraded"; a pending one is to be paid while its payment is still open (`form`), is being charged while its
 * payment is at the gateway (`pending`: an answer, a bank's confirmation, reconciliation), and otherwise was not
 * completed (its payment failed or was refunded, or the upgrade can no longer be paid).
 */
export type UpgradeResultState = "upgraded" | "awaiting_payment" | "charging" | "not_completed";

export function upgradeResultState(
  upgrade: Pick<SubscriptionUpgrade, "status">,
  payment: { status: string } | null | undefined,
): UpgradeResultState {
  if (upgrade.status === "completed") return "upgraded";
  if (upgrade.status === "pending" && payment?.status === "form") return "awaiting_payment";
  if (upgrade.status === "pending" && payment?.status === "pending") return "charging";
  return "not_completed";
}
