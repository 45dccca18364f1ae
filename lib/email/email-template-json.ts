import { z } from "zod";
import { timestampSchema } from "@/lib/api/response-schemas";
import type { EmailTemplate } from "@/lib/db/schema";
import type { EmailTemplateListItem } from "./list-email-templates";

/** Email templates in the v1 API's snake_case JSON. UI-safe (types only from services). */

const trackEngagementSchema = z.boolean().nullable().meta({
  description:
    "Open and click tracking; null: the topic's default (on for marketing topics, off for the account topic).",
});

export const emailTemplateListItemSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    subject: z.string(),
    topic: z.string().meta({ description: "The email topic's code." }),
    track_engagement: trackEngagementSchema,
    updated_at: timestampSchema,
  })
  .meta({ id: "EmailTemplateListItem" });

export const emailTemplateSchema = emailTemplateListItemSchema
  .extend({
    body_html: z.string(),
    body_text: z.string(),
    created_at: timestampSchema,
  })
  .meta({ id: "EmailTemplate" });

export function serializeEmailTemplateListItem(template: EmailTemplateListItem) {
  return {
    id: template.id,
    code: template.code,
    name: template.name,
    subject: template.subject,
    topic: template.topicCode,
    track_engagement: template.trackEngagement,
    updated_at: template.updatedAt.toISOString(),
  };
}

export function serializeEmailTemplate(template: EmailTemplate & { topicCode: string }) {
  return {
    ...serializeEmailTemplateListItem(template),
    body_html: template.bodyHtml,
    body_text: template.bodyText,
    created_at: template.createdAt.toISOString(),
  };
}
