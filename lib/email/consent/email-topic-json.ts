import { z } from "zod";
import { timestampSchema } from "@/lib/api/response-schemas";
import type { EmailTopic } from "@/lib/db/schema";
import type { EmailPreference } from "./email-preferences";

/** Email topics and users' email preferences in the v1 API's snake_case JSON. UI-safe (types only from services). */

export const emailTopicSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    transactional: z.boolean().meta({
      description: "Only the built-in `account` topic: its mail cannot be unsubscribed.",
    }),
    subscribed_by_default: z.boolean(),
    sorting: z.number().int(),
    template_count: z.number().int().meta({ description: "Email templates of the topic." }),
    created_at: timestampSchema,
    updated_at: timestampSchema,
  })
  .meta({ id: "EmailTopic" });

export function serializeEmailTopic(topic: EmailTopic & { templateCount: number }) {
  return {
    id: topic.id,
    code: topic.code,
    name: topic.name,
    description: topic.description,
    transactional: topic.transactional,
    subscribed_by_default: topic.subscribedByDefault,
    sorting: topic.sorting,
    template_count: topic.templateCount,
    created_at: topic.createdAt.toISOString(),
    updated_at: topic.updatedAt.toISOString(),
  };
}

export const emailPreferenceSchema = z
  .object({
    topic: z.string().meta({ description: "The topic's code." }),
    name: z.string(),
    description: z.string().nullable(),
    subscribed: z.boolean(),
    changeable: z.boolean().meta({ description: "False for the account topic: always on." }),
    source: z
      .string()
      .nullable()
      .meta({ description: "Where the choice came from; null: the topic's default applies." }),
    updated_at: timestampSchema.nullable(),
  })
  .meta({ id: "EmailPreference" });

export function serializeEmailPreference(preference: EmailPreference) {
  return {
    topic: preference.code,
    name: preference.name,
    description: preference.description,
    subscribed: preference.subscribed,
    changeable: preference.changeable,
    source: preference.source,
    updated_at: preference.updatedAt?.toISOString() ?? null,
  };
}
