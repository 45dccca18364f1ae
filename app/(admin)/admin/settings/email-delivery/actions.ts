"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import {
  CAPS_OUT_OF_ORDER,
  clockTimeSchema,
  MAX_PER_DAY,
  QUIET_HOURS_EMPTY,
  RECENT_SENDS_READ,
} from "@/lib/email/consent/delivery-settings";
import { updateEmailDeliverySettings } from "@/lib/email/consent/update-delivery-settings";

/** An empty field: no cap. */
const capField = (max: number) =>
  z
    .string()
    .trim()
    .transform((value) => (value === "" ? null : Number(value)))
    .pipe(
      z
        .number({ error: "A whole number, or empty for no cap." })
        .int("A whole number, or empty for no cap.")
        .min(1, "At least 1, or empty for no cap.")
        .max(max, `At most ${max}.`)
        .nullable(),
    );

/** The form: caps as text, the quiet hours as a checkbox and two times (left out while the checkbox is off). */
const emailDeliveryFormSchema = z
  .object({
    per_day: capField(MAX_PER_DAY),
    per_week: capField(RECENT_SENDS_READ),
    quiet_hours: z.literal("on").optional(),
    quiet_start: z.string().optional(),
    quiet_end: z.string().optional(),
  })
  .superRefine((form, context) => {
    if (form.per_day !== null && form.per_week !== null && form.per_day > form.per_week)
      context.addIssue({ code: "custom", path: ["per_day"], message: CAPS_OUT_OF_ORDER });
    if (!form.quiet_hours) return;
    for (const field of ["quiet_start", "quiet_end"] as const) {
      if (!clockTimeSchema.safeParse(form[field]).success)
        context.addIssue({ code: "custom", path: [field], message: "A time as HH:MM." });
    }
    if (form.quiet_start === form.quiet_end)
      context.addIssue({ code: "custom", path: ["quiet_end"], message: QUIET_HOURS_EMPTY });
  })
  .transform((form) => ({
    frequency_cap: { per_day: form.per_day, per_week: form.per_week },
    quiet_hours:
      form.quiet_hours && form.quiet_start && form.quiet_end
        ? { start: form.quiet_start, end: form.quiet_end }
        : null,
  }));

export const saveEmailDeliverySettingsAction = defineAction(
  {
    permission: "automation.write",
    name: "settings.email-delivery",
    schema: emailDeliveryFormSchema,
    revalidate: ["/admin/settings/email-delivery"],
  },
  async (change, { db }) => {
    const saved = await updateEmailDeliverySettings(db, change);
    const { per_day: perDay, per_week: perWeek } = saved.frequency_cap;
    const caps =
      perDay === null && perWeek === null
        ? "no frequency cap"
        : [
            perDay === null ? null : `${perDay} a day`,
            perWeek === null ? null : `${perWeek} a week`,
          ]
            .filter(Boolean)
            .join(" and ") + " at most";
    const quiet = saved.quiet_hours
      ? `quiet hours ${saved.quiet_hours.start}–${saved.quiet_hours.end}`
      : "no quiet hours";
    return { ok: true, message: `Saved: ${caps}, ${quiet}.` };
  },
);
