import type { UpgradeMethod } from "@/lib/upgrades/option-config";

/** The methods that go on renewing after the upgrade, so the offer says what the next renewal charges. UI-safe. */
export const RECURRENT_UPGRADE_METHODS: ReadonlySet<UpgradeMethod> = new Set([
  "paid_recurrent",
  "free_recurrent",
]);
