/** A trigger a scenario can start on. UI-safe. */
export type TriggerData = "payment" | "subscription" | "recurrent_payment";

export interface TriggerDefinition {
  /** The domain event name, `custom.*`, or `before:<before-event trigger>`. */
  event: string;
  label: string;
  description: string;
  /** What the trigger carries beside the user: criteria of kind `payment`/`subscription` need it. */
  provides: TriggerData[];
}

export const defineTrigger = (definition: TriggerDefinition) => definition;
