/** The trigger registry: one file per trigger. UI-safe. */
import { CUSTOM_EVENT_PATTERN } from "@/lib/events/event-names";
import beforeRecurrentPaymentCharge from "./before-recurrent-payment-charge";
import beforeRecurrentPaymentExpires from "./before-recurrent-payment-expires";
import beforeSubscriptionEnds from "./before-subscription-ends";
import type { TriggerDefinition } from "./define-trigger";
import familyRequestAccepted from "./family-request-accepted";
import goalCompleted from "./goal-completed";
import paymentPaid from "./payment-paid";
import recurrentPaymentRenewed from "./recurrent-payment-renewed";
import recurrentPaymentStateChanged from "./recurrent-payment-state-changed";
import referralCompleted from "./referral-completed";
import scenarioTest from "./scenario-test";
import subscriptionCreated from "./subscription-created";
import subscriptionEnded from "./subscription-ended";
import subscriptionStarted from "./subscription-started";
import upgradeCompleted from "./upgrade-completed";
import userCreated from "./user-created";

export type { TriggerData, TriggerDefinition } from "./define-trigger";

export const TRIGGERS: readonly TriggerDefinition[] = [
  userCreated,
  subscriptionCreated,
  subscriptionStarted,
  subscriptionEnded,
  paymentPaid,
  recurrentPaymentRenewed,
  recurrentPaymentStateChanged,
  goalCompleted,
  familyRequestAccepted,
  upgradeCompleted,
  referralCompleted,
  scenarioTest,
  beforeSubscriptionEnds,
  beforeRecurrentPaymentCharge,
  beforeRecurrentPaymentExpires,
];

/** The event triggers (not before-events) that the dispatcher listens to. */
export const EVENT_TRIGGER_NAMES = TRIGGERS.map((t) => t.event).filter((e) => !e.startsWith("before:"));

/** A trigger by its event; any valid `custom.*` name is a trigger that carries nothing but the user. */
export function findTrigger(event: string): TriggerDefinition | null {
  const known = TRIGGERS.find((t) => t.event === event);
  if (known) return known;
  if (CUSTOM_EVENT_PATTERN.test(event)) {
    return { event, label: event, description: "A custom event sent through the events API.", provides: [] };
  }
  return null;
}
