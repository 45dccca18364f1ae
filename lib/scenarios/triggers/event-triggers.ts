import { z } from "zod";
import { DOMAIN_EVENT_CATALOG } from "@/lib/events/catalog";
import { DOMAIN_EVENT_NAMES } from "@/lib/events/event-names";
import { defineTrigger, type TriggerData, type TriggerDefinition } from "./define-trigger";

/** The payload key naming each kind of trigger data: the run context loads the payment and subscription by them. */
const DATA_KEYS: Record<TriggerData, string> = {
  payment: "payment_id",
  subscription: "subscription_id",
  recurrent_payment: "recurrent_payment_id",
};

/** What a trigger carries is what its payload names, so a criterion is offered only where its data can be found. */
function providedData(payload: z.ZodType): TriggerData[] {
  if (!(payload instanceof z.ZodObject)) return [];
  return (Object.keys(DATA_KEYS) as TriggerData[]).filter(
    (data) => DATA_KEYS[data] in payload.shape,
  );
}

/** The domain events scenarios can start on, in catalog order, as the event catalog describes them. */
export const EVENT_TRIGGERS: readonly TriggerDefinition[] = DOMAIN_EVENT_NAMES.filter(
  (name) => DOMAIN_EVENT_CATALOG[name].scenarioTrigger,
).map((name) => {
  const { label, description, payload } = DOMAIN_EVENT_CATALOG[name];
  return defineTrigger({ event: name, label, description, provides: providedData(payload) });
});
