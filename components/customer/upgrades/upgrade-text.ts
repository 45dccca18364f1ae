import type { UpgradeMethod } from "@/lib/upgrades/option-config";

/** How each upgrade method works, in the customer's words. UI-safe. */
export const UPGRADE_METHOD_TITLES: Record<UpgradeMethod, string> = {
  paid_recurrent: "Upgrade now, pay the difference",
  free_recurrent: "Upgrade now, new price from your next renewal",
  paid_extend: "Start a full new period",
  short: "Upgrade for the value you have left",
};

export const UPGRADE_METHOD_EXPLANATIONS: Record<UpgradeMethod, string> = {
  paid_recurrent:
    "We charge your saved card the difference for the days you have left. Your automatic renewal then continues with the new subscription.",
  free_recurrent:
    "Nothing to pay now: you get the new subscription for the days you have left, and your next automatic renewal charges its price.",
  paid_extend:
    "You pay for a full period of the new subscription, minus the value left on your current one. It starts as soon as you have paid.",
  short:
    "Nothing to pay: the value left on your current subscription buys a shorter period of the new one, which starts now.",
};

export const RECURRENT_UPGRADE_METHODS: ReadonlySet<UpgradeMethod> = new Set([
  "paid_recurrent",
  "free_recurrent",
]);
