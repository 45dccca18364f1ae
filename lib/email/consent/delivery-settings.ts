import { z } from "zod";

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "A time as HH:MM, 00:00–23:59.");

/** The largest weekly cap: the delivery check reads at most this many of a user's recent sends. */
export const RECENT_SENDS_READ = 200;

/**
 * The installation's limits on marketing mail (design.md "Email consent"): at most `per_day` emails per user in any
 * rolling 24 hours and `per_week` in any rolling 7 days, across all scenarios (null: no cap), and no marketing mail
 * between `quiet_hours.start` and `.end` in the user's own time zone (null: none). Transactional mail ignores both.
 */
export const emailDeliverySettingsSchema = z.object({
  frequency_cap: z.object({
    per_day: z.number().int().min(1).max(50).nullable(),
    per_week: z.number().int().min(1).max(RECENT_SENDS_READ).nullable(),
  }),
  quiet_hours: z
    .object({ start: clockTime, end: clockTime })
    .refine(
      (hours) => hours.start !== hours.end,
      "Quiet hours must start and end at different times.",
    )
    .nullable(),
});
export type EmailDeliverySettings = z.output<typeof emailDeliverySettingsSchema>;

export const DEFAULT_EMAIL_DELIVERY_SETTINGS: EmailDeliverySettings = {
  frequency_cap: { per_day: null, per_week: null },
  quiet_hours: null,
};
