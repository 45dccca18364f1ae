import { z } from "zod";

export const clockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "A time as HH:MM, 00:00–23:59.");

/** The largest weekly cap: the delivery check reads at most this many of a user's recent sends. */
export const RECENT_SENDS_READ = 200;
/** The largest daily cap. */
export const MAX_PER_DAY = 50;

export const perDayCapSchema = z.number().int().min(1).max(MAX_PER_DAY).nullable();
export const perWeekCapSchema = z.number().int().min(1).max(RECENT_SENDS_READ).nullable();

const capsInOrder = (cap: { per_day: number | null; per_week: number | null }) =>
  cap.per_day === null || cap.per_week === null || cap.per_day <= cap.per_week;
export const CAPS_OUT_OF_ORDER = "The cap per day cannot be above the cap per week.";
export const QUIET_HOURS_EMPTY = "Quiet hours must start and end at different times.";

export const quietHoursSchema = z
  .object({ start: clockTimeSchema, end: clockTimeSchema })
  .refine((hours) => hours.start !== hours.end, QUIET_HOURS_EMPTY);

/**
 * The installation's limits on marketing mail (design.md "Email consent"): at most `per_day` emails per user in any
 * rolling 24 hours and `per_week` in any rolling 7 days, across all scenarios (null: no cap), and no marketing mail
 * between `quiet_hours.start` and `.end` in the user's own time zone (null: none). Transactional mail ignores both.
 */
export const emailDeliverySettingsSchema = z.object({
  frequency_cap: z
    .object({ per_day: perDayCapSchema, per_week: perWeekCapSchema })
    .refine(capsInOrder, { message: CAPS_OUT_OF_ORDER, path: ["per_day"] }),
  quiet_hours: quietHoursSchema.nullable(),
});
export type EmailDeliverySettings = z.output<typeof emailDeliverySettingsSchema>;

export const DEFAULT_EMAIL_DELIVERY_SETTINGS: EmailDeliverySettings = {
  frequency_cap: { per_day: null, per_week: null },
  quiet_hours: null,
};

/** A change of the settings: the fields named replace the current ones (a cap of null: none; quiet hours null: off). */
export const emailDeliveryChangeSchema = z.strictObject({
  frequency_cap: z
    .strictObject({ per_day: perDayCapSchema.optional(), per_week: perWeekCapSchema.optional() })
    .optional(),
  quiet_hours: z
    .strictObject({ start: clockTimeSchema, end: clockTimeSchema })
    .nullable()
    .optional(),
});
export type EmailDeliveryChange = z.output<typeof emailDeliveryChangeSchema>;

/** The settings after a change; throws a ZodError (a 400) when the result breaks a rule (per day above per week). */
export function applyEmailDeliveryChange(
  current: EmailDeliverySettings,
  change: EmailDeliveryChange,
): EmailDeliverySettings {
  return emailDeliverySettingsSchema.parse({
    frequency_cap: { ...current.frequency_cap, ...change.frequency_cap },
    quiet_hours: change.quiet_hours === undefined ? current.quiet_hours : change.quiet_hours,
  });
}
