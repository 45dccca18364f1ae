import { z } from "zod";

/** The same format as template codes: lowercase letters, digits, - and _. */
export const emailTopicCodeSchema = z
  .string()
  .trim()
  .min(1, { message: "Give the topic a code." })
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, { message: "Use lowercase letters, digits, - and _." });

/**
 * An admin's topic: every topic they create is a marketing topic (the built-in `account` topic is the one
 * transactional topic). UI-safe.
 */
export const emailTopicInputSchema = z.object({
  code: emailTopicCodeSchema,
  name: z.string().trim().min(1, { message: "Give the topic a name." }).max(200),
  description: z.string().trim().max(1000).optional(),
  /** Whether a user who never chose gets its mail (opt-out) or must opt in first. */
  subscribedByDefault: z.boolean().optional(),
  sorting: z.number().int().min(-100_000).max(100_000).optional(),
});
export type EmailTopicInput = z.input<typeof emailTopicInputSchema>;

/** Where a preference change came from (user_email_preferences.source). */
export const EMAIL_PREFERENCE_SOURCES = [
  "preferences",
  "one_click",
  "account",
  "admin",
  "api",
] as const;
export type EmailPreferenceSource = (typeof EMAIL_PREFERENCE_SOURCES)[number];

/** A change of one topic, by its code. */
export const emailPreferenceChangeSchema = z.object({
  topic: emailTopicCodeSchema,
  subscribed: z.boolean(),
});
export type EmailPreferenceChange = z.output<typeof emailPreferenceChangeSchema>;

/**
 * A preference form (account page, preference centre): the topics it showed and those left ticked. Every shown
 * topic is set; an unticked box sends nothing, so `shown` is what tells "left" from "not on the form".
 */
export const emailPreferencesFormSchema = z.object({
  shown: z.array(emailTopicCodeSchema).max(100).default([]),
  subscribed: z.array(emailTopicCodeSchema).max(100).default([]),
});

export function preferenceChangesFromForm(
  form: z.output<typeof emailPreferencesFormSchema>,
): EmailPreferenceChange[] {
  const ticked = new Set(form.subscribed);
  return form.shown.map((topic) => ({ topic, subscribed: ticked.has(topic) }));
}

/** The one box of the preference centre of a recipient who is no user: all marketing mail to the address. */
export const ADDRESS_WIDE_TOPIC = "all-marketing";
