import { z } from "zod";
import { exitRulesSchema } from "./exit-rules";

/** Inputs of the scenario management services (UI-safe: the admin forms and API bodies build on these). */

export const SCENARIO_REENTRY = ["always", "once", "once_per_days"] as const;
export type ScenarioReentryInput = (typeof SCENARIO_REENTRY)[number];

export const scenarioNameSchema = z
  .string()
  .trim()
  .min(1, { message: "Give the scenario a name." })
  .max(200);
export const reentrySchema = z.enum(SCENARIO_REENTRY);
export const reentryDaysSchema = z
  .number()
  .int()
  .min(1, { message: "At least 1 day." })
  .max(3650, { message: "At most 3650 days." });

/**
 * Name and re-entry rule. `reentryDays` is required for `once_per_days` and dropped (null) for the other rules, so a
 * stale day count never lingers on a scenario that no longer uses it.
 */
export const scenarioSettingsSchema = z
  .object({
    name: scenarioNameSchema,
    reentry: reentrySchema.default("once"),
    reentryDays: reentryDaysSchema.nullable().optional(),
  })
  .superRefine((value, context) => {
    if (
      value.reentry === "once_per_days" &&
      (value.reentryDays === null || value.reentryDays === undefined)
    ) {
      context.addIssue({
        code: "custom",
        path: ["reentryDays"],
        message: "Enter after how many days a user may enter again.",
      });
    }
  })
  .transform((value) => ({
    name: value.name,
    reentry: value.reentry,
    reentryDays: value.reentry === "once_per_days" ? (value.reentryDays ?? null) : null,
  }));
export type ScenarioSettingsInput = z.input<typeof scenarioSettingsSchema>;
export type ScenarioSettings = z.output<typeof scenarioSettingsSchema>;

export const publishNoteSchema = z.string().trim().max(500).optional();

/** The settings as an admin form sends them: strings, a blank day count for the rules that need none. */
export const scenarioSettingsFormSchema = z
  .object({
    name: scenarioNameSchema,
    reentry: reentrySchema,
    reentryDays: z.preprocess(
      (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
      z.coerce.number({ message: "Enter whole days." }).pipe(reentryDaysSchema).optional(),
    ),
    /** The exit rules editor's JSON (absent from the form that creates a scenario). */
    exitRules: z
      .preprocess((value) => {
        if (typeof value !== "string") return value;
        try {
          return JSON.parse(value) as unknown;
        } catch {
          return value;
        }
      }, exitRulesSchema)
      .optional(),
  })
  .superRefine((value, context) => {
    if (value.reentry === "once_per_days" && value.reentryDays === undefined) {
      context.addIssue({
        code: "custom",
        path: ["reentryDays"],
        message: "Enter after how many days a user may enter again.",
      });
    }
  });
