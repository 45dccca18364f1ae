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

/** Starts a run a set time before a date the user has (the before-events cron fires it). */
export const beforeEventNode = defineNode({
  type: "before_event",
  configSchema: z.strictObject({
    trigger: z.enum(BEFORE_EVENT_TRIGGERS),
    minutes: z.number().int().min(0).max(MAX_MINUTES),
  }),
  group: "trigger",
  label: "Before event",
  description: "Starts a run a set time before a subscription or recurrent payment date.",
  icon: "◷",
  defaultConfig: { trigger: "subscription_ends", minutes: 7 * 1440 },
  ports: () => ["out"],
  summary: (c) =>
    c.minutes === 0
      ? `When ${beforeEventLabel(c.trigger)}`
      : `${formatMinutes(c.minutes)} before ${beforeEventLabel(c.trigger)}`,
  spansTime: false,
  triggerEvent: (c) => `before:${c.trigger}`,
  describeVisit: triggerVisitLine,
});
