import { z } from "zod";
import { CUSTOM_EVENT_PATTERN } from "@/lib/events/event-names";

/** A scenario's conversion and holdout (UI-safe: the settings form, the API body and the service build on these). */

/** The domain events a conversion may be; any `custom.*` event name is one too. */
export const CONVERSION_EVENTS = [
  "payment.paid",
  "subscription.created",
  "upgrade.completed",
  "referral.completed",
  "family.request_accepted",
] as const;

/**
 * At most 30 days: a conversion is attributed through the run's path, whose visits are kept 31 days
 * (`scenario-steps-cleanup`).
 */
export const MAX_CONVERSION_WINDOW_DAYS = 30;
export const MAX_HOLDOUT_PERCENT = 50;

export const conversionEventSchema = z
  .string()
  .trim()
  .refine(
    (name) =>
      (CONVERSION_EVENTS as readonly string[]).includes(name) || CUSTOM_EVENT_PATTERN.test(name),
    { message: `Choose ${CONVERSION_EVENTS.join(", ")} or a custom.<name> event.` },
  );
export const conversionWindowDaysSchema = z
  .number()
  .int({ message: "Enter whole days." })
  .min(1, { message: "At least 1 day." })
  .max(MAX_CONVERSION_WINDOW_DAYS, { message: `At most ${MAX_CONVERSION_WINDOW_DAYS} days.` });
export const holdoutPercentSchema = z
  .number()
  .int({ message: "Enter a whole percentage." })
  .min(0, { message: "At least 0 %." })
  .max(MAX_HOLDOUT_PERCENT, { message: `At most ${MAX_HOLDOUT_PERCENT} %.` });

/** The stored shape: no conversion (event and window null) or both; the window is dropped with the event. */
export const scenarioConversionSchema = z
  .object({
    conversionEvent: conversionEventSchema.nullable(),
    conversionWindowDays: conversionWindowDaysSchema.nullable(),
    holdoutPercent: holdoutPercentSchema,
  })
  .superRefine((value, context) => {
    if (value.conversionEvent !== null && value.conversionWindowDays === null) {
      context.addIssue({
        code: "custom",
        path: ["conversionWindowDays"],
        message: "Enter within how many days after entry a conversion counts.",
      });
    }
  })
  .transform((value) => ({
    conversionEvent: value.conversionEvent,
    conversionWindowDays: value.conversionEvent === null ? null : value.conversionWindowDays,
    holdoutPercent: value.holdoutPercent,
  }));
export type ScenarioConversionSettings = z.output<typeof scenarioConversionSchema>;

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

/** The admin form: an event ("" = none; `custom` takes the custom name), a window, a holdout share, as strings. */
export const scenarioConversionFormSchema = z
  .object({
    conversionEvent: z.string().trim().max(120),
    customEvent: z.preprocess(blankToUndefined, z.string().trim().max(120).optional()),
    conversionWindowDays: z.preprocess(
      blankToUndefined,
      z.coerce.number({ message: "Enter whole days." }).pipe(conversionWindowDaysSchema).optional(),
    ),
    holdoutPercent: z.preprocess(
      (value) => blankToUndefined(value) ?? 0,
      z.coerce.number({ message: "Enter a whole percentage." }).pipe(holdoutPercentSchema),
    ),
  })
  .superRefine((value, context) => {
    if (value.conversionEvent === "custom") {
      if (!value.customEvent || !CUSTOM_EVENT_PATTERN.test(value.customEvent)) {
        context.addIssue({
          code: "custom",
          path: ["customEvent"],
          message: "Enter a custom event name such as custom.trial_started.",
        });
      }
    } else if (
      value.conversionEvent !== "" &&
      !(CONVERSION_EVENTS as readonly string[]).includes(value.conversionEvent)
    ) {
      context.addIssue({ code: "custom", path: ["conversionEvent"], message: "Choose an event." });
    }
    if (value.conversionEvent !== "" && value.conversionWindowDays === undefined) {
      context.addIssue({
        code: "custom",
        path: ["conversionWindowDays"],
        message: "Enter within how many days after entry a conversion counts.",
      });
    }
  })
  .transform((value): ScenarioConversionSettings => ({
    conversionEvent:
      value.conversionEvent === ""
        ? null
        : value.conversionEvent === "custom"
          ? (value.customEvent ?? null)
          : value.conversionEvent,
    conversionWindowDays:
      value.conversionEvent === "" ? null : (value.conversionWindowDays ?? null),
    holdoutPercent: value.holdoutPercent,
  }));
