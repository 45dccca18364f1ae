import { z } from "zod";
import { templateSyntaxError } from "./template-variables";

/** Same format as other codes (subscription types, content access). */
export const emailTemplateCodeSchema = z
  .string()
  .trim()
  .min(1, { message: "Give the template a code." })
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, { message: "Use lowercase letters, digits, - and _." });

const templateText = (label: string, max: number, required: boolean) =>
  z
    .string()
    .max(max, { message: `${label} is too long.` })
    .refine((value) => !required || value.trim().length > 0, { message: `${label} is required.` })
    .superRefine((value, context) => {
      const error = templateSyntaxError(value);
      if (error) context.addIssue({ code: "custom", message: `${label} does not parse: ${error}` });
    })
    // Browsers submit textareas with CRLF; store one kind of line break.
    .transform((value) => value.replace(/\r\n?/g, "\n"));

export const emailTemplateInputSchema = z.object({
  code: emailTemplateCodeSchema,
  name: z.string().trim().min(1, { message: "Give the template a name." }).max(200),
  subject: templateText("The subject", 1000, true),
  bodyHtml: templateText("The HTML body", 200_000, true),
  bodyText: templateText("The text body", 100_000, true),
  /** The topic's code; omitted: kept on edit, and on create the built-in emails' `account`, else the first marketing topic. */
  topic: emailTemplateCodeSchema.optional(),
  /** Open and click tracking; null: the topic's default (on for marketing topics). */
  trackEngagement: z.boolean().nullable().optional(),
});
export type EmailTemplateInput = z.input<typeof emailTemplateInputSchema>;
