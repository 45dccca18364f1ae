import { z } from "zod";
import { MAX_MINUTES } from "../config-fields";
import { defineNode } from "../define-node";
import { formatMinutes } from "../format-minutes";
import { triggerVisitLine } from "../visit-lines";

export const BEFORE_EVENT_TRIGGERS = [
  "subscription_ends",
  "recurrent_payment_charge",
  "recurrent_payment_expires",
] as const;
export type BeforeEventTrigger = (typeof BEFORE_EVENT_TRIGGERS)[number];

const BEFORE_EVENT_LABELS: Record<BeforeEventTrigger, string> = {
  subscription_ends: "subscription ends",
  recurrent_payment_charge: "recurrent payment is charged",
  recurrent_payment_expires: "recurrent payment expires",
};

export const beforeEventLabel = (trigger: BeforeEventTrigger) => BEFORE_EVENT_LABELS[trigger];

/**
 * When `subscription_ends` fires: when the user's access ends (no following subscription continues it), or at every
 * subscription's end. Nodes stored without the option fire when access ends.
 */
export const SUBSCRIPTION_END_FIRES = ["access_ends", "every_end"] as const;
export type SubscriptionEndFires = (typeof SUBSCRIPTION_END_FIRES)[number];

export const SUBSCRIPTION_END_FIRES_LABELS: Record<SubscriptionEndFires, string> = {
  access_ends: "only when access ends",
  every_end: "at every subscription end",
};

export const subscriptionEndFires = (config: { fires?: SubscriptionEndFires }) =>
  config.fires ?? "access_ends";

/** Starts a run a set time before a date the user has (the before-events cron fires it). */
export const beforeEventNode = defineNode({
  type: "before_event",
  configSchema: z.strictObject({
    trigger: z.enum(BEFORE_EVENT_TRIGGERS),
    minutes: z.number().int().min(0).max(MAX_MINUTES),
    /** Only for `subscription_ends`. */
    fires: z.enum(SUBSCRIPTION_END_FIRES).optional(),
  }),
  group: "trigger",
  label: "Before event",
  description: "Starts a run a set time before a subscription or recurrent payment date.",
  icon: "◷",
  defaultConfig: { trigger: "subscription_ends", minutes: 7 * 1440, fires: "access_ends" },
  ports: () => ["out"],
  summary: (c) => {
    const when =
      c.minutes === 0
        ? `When ${beforeEventLabel(c.trigger)}`
        : `${formatMinutes(c.minutes)} before ${beforeEventLabel(c.trigger)}`;
    return c.trigger === "subscription_ends" && subscriptionEndFires(c) === "every_end"
      ? `${when}, renewed or not`
      : when;
  },
  spansTime: false,
  check(config, { report }) {
    if (config.fires !== undefined && config.trigger !== "subscription_ends")
      report(
        "before_event_fires_unused",
        `"Fires" applies to the subscription end only, not when the ${beforeEventLabel(config.trigger)}.`,
      );
  },
  triggerEvent: (c) => `before:${c.trigger}`,
  describeVisit: triggerVisitLine,
});
