import type { UpgradeMethod } from "./option-config";

/** What the engine offers and why it may offer nothing. UI-safe (plain data). */

export interface UpgradeTarget {
  id: number;
  code: string;
  name: string;
  lengthDays: number;
  priceCents: number;
  contentAccess: string[];
}

/** What one upgrader computes for a base and a target (lib/upgrades/upgraders.ts). */
export interface UpgradeResult {
  type: UpgradeMethod;
  /** Charged now (paid_recurrent) or at checkout (paid_extend); 0 for free_recurrent and short. */
  chargeCents: number;
  /** The base subscription's remaining value credited against the new price. */
  creditCents: number;
  /** The upgraded subscription's dates. */
  startAt: Date;
  endAt: Date;
  /** When the base subscription ends (now, or its start when it has not started). */
  baseEndsAt: Date;
  /** What the next renewal charges, for the recurrent methods; null otherwise. */
  recurrentPriceCents: number | null;
  /** Higher is better for the business; compared only between options of one method and target. */
  profitability: number;
}

export interface UpgradeOffer extends UpgradeResult {
  /** The option that produced this offer (the best one for its method and target). */
  optionId: number;
  target: UpgradeTarget;
  /** Content access the target adds to the base subscription's. */
  gainedContent: string[];
}

export type NoUpgradeReason =
  "no_subscription" | "no_payment" | "already_upgraded" | "no_schema" | "no_offer";

export const NO_UPGRADE_REASON_MESSAGES: Record<NoUpgradeReason, string> = {
  no_subscription: "You have no running subscription to upgrade.",
  no_payment:
    "Your running subscription was not bought with a payment, so it has no value to carry over.",
  already_upgraded:
    "Your subscription is already an upgrade; further upgrades are offered once it renews.",
  no_schema: "Your subscription type has no upgrades configured.",
  no_offer: "There is no upgrade for your subscription right now.",
};

export interface UpgradeBase {
  subscriptionId: number;
  typeCode: string;
  typeName: string;
  contentAccess: string[];
  startAt: Date;
  endAt: Date;
  paidCents: number;
  /** The active recurrent payment renewing it, when there is one. */
  recurrentPaymentId: number | null;
}

export interface UpgradeOffers {
  base: UpgradeBase | null;
  offers: UpgradeOffer[];
  /** Set when `offers` is empty. */
  reason: NoUpgradeReason | null;
}
