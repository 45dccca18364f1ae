import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/define-operation";
import {
  clockTimeSchema,
  emailDeliveryChangeSchema,
  perDayCapSchema,
  perWeekCapSchema,
} from "@/lib/email/consent/delivery-settings";

const quietHoursJson = z
  .object({
    start: clockTimeSchema.meta({
      description: "When the quiet hours start, HH:MM in the user's zone.",
    }),
    end: clockTimeSchema.meta({
      description: "When they end, HH:MM; before `start`: the quiet hours cross midnight.",
    }),
  })
  .meta({ id: "QuietHours" });

/** The settings as the API shows them. */
export const emailDeliverySettingsJsonSchema = z
  .object({
    frequency_cap: z.object({
      per_day: perDayCapSchema.meta({
        description: "Marketing emails per user in any rolling 24 hours; null: no cap.",
      }),
      per_week: perWeekCapSchema.meta({
        description: "Marketing emails per user in any rolling 7 days; null: no cap.",
      }),
    }),
    quiet_hours: quietHoursJson.nullable().meta({
      description: "No marketing email between these times in the user's time zone; null: none.",
    }),
  })
  .meta({ id: "EmailDeliverySettings" });

export const emailDeliveryResponseSchema = z
  .object({ email_delivery: emailDeliverySettingsJsonSchema })
  .meta({ id: "EmailDeliverySettingsResponse" });

/** PATCH /settings/email-delivery: the fields to change. */
export const updateEmailDeliveryBodySchema = emailDeliveryChangeSchema.meta({
  id: "EmailDeliverySettingsUpdate",
  description:
    "Named fields replace the current ones: a cap of null removes it, `quiet_hours: null` turns them off. The cap per day may not be above the cap per week.",
});

const auth = { token: "api", scope: "email:delivery" } as const;
const tags = ["Email"];

export const getEmailDeliverySettingsOperation = defineOperation({
  operationId: "getEmailDeliverySettings",
  summary: "Frequency cap and quiet hours of marketing email",
  description:
    "The installation's limits on marketing (non-transactional) email, across all scenarios. Transactional email ignores them.",
  tags,
  auth,
  responses: {
    "200": { description: "The settings.", content: jsonContent(emailDeliveryResponseSchema) },
  },
});

export const updateEmailDeliverySettingsOperation = defineOperation({
  operationId: "updateEmailDeliverySettings",
  summary: "Change the frequency cap and quiet hours of marketing email",
  description:
    "An email a scenario node would send while limited is skipped or delayed, as the node says. Audited like other setting changes.",
  tags,
  auth,
  body: updateEmailDeliveryBodySchema,
  responses: {
    "200": { description: "Saved.", content: jsonContent(emailDeliveryResponseSchema) },
  },
});
