/** The trigger registry: the event catalog's scenario triggers, then one file per before-event trigger. UI-safe. */
import { CUSTOM_EVENT_PATTERN } from "@/lib/events/event-names";
import beforeRecurrentPaymentCharge from "./before-recurrent-payment-charge";
import beforeRecurrentPaymentExpires from "./before-recurrent-payment-expires";
import beforeSubscriptionEnds from "./before-subscription-ends";
import type { TriggerDefinition } from "./define-trigger";
import { EVENT_TRIGGERS } from "./event-triggers";

export type { TriggerData, TriggerDefinition } from "./define-trigger";
export { EVENT_TRIGGERS } from "./event-triggers";

export const TRIGGERS: readonly TriggerDefinition[] = [
  ...EVENT_TRIGGERS,
  beforeSubscriptionEnds,
  beforeRecurrentPaymentCharge,
  beforeRecurrentPaymentExpires,
];

/** The event triggers (not before-events) that the dispatcher listens to. */
export const EVENT_TRIGGER_NAMES = EVENT_TRIGGERS.map((t) => t.event);

/** A trigger by its event; any valid `custom.*` name is a trigger that carries nothing but the user. */
export function findTrigger(event: string): TriggerDefinition | null {
  const known = TRIGGERS.find((t) => t.event === event);
  if (known) return known;
  if (CUSTOM_EVENT_PATTERN.test(event)) {
    return {
      event,
      label: event,
      description: "A custom event sent through the events API.",
      provides: [],
    };
  }
  return null;
}
