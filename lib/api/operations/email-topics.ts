import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/define-operation";
import { emailPreferenceSchema, emailTopicSchema } from "@/lib/email/consent/email-topic-json";
import {
  emailPreferenceChangeSchema,
  emailTopicCodeSchema,
  emailTopicInputSchema,
} from "@/lib/email/consent/topic-schemas";

const fields = emailTopicInputSchema.shape;

/** POST /email-topics: a new marketing topic (the account topic is the only transactional one). */
export const createEmailTopicBodySchema = z
  .strictObject({
    code: emailTopicCodeSchema.meta({ description: "Lowercase letters, digits, - and _." }),
    name: fields.name,
    description: z.string().trim().max(1000).nullable().optional(),
    subscribed_by_default: z
      .boolean()
      .optional()
      .meta({ description: "Opt-out (true, the default) or opt-in (false)." }),
    sorting: fields.sorting.meta({ description: "Order in preference lists; defaults to 0." }),
  })
  .meta({ id: "EmailTopicRequest" });

/** PATCH /email-topics/{id}: the fields to change. */
export const updateEmailTopicBodySchema = createEmailTopicBodySchema
  .partial()
  .meta({ id: "EmailTopicUpdate" });

export const emailTopicResponseSchema = z
  .object({ topic: emailTopicSchema })
  .meta({ id: "EmailTopicResponse" });
const emailTopicListSchema = z
  .object({ topics: z.array(emailTopicSchema) })
  .meta({ id: "EmailTopicList" });

const auth = { token: "api", scope: "email:topics" } as const;
const tags = ["Email"];
const path = z.object({ id: z.number().int().positive().meta({ description: "The topic id." }) });
const requestParams = { requestParams: { path } };

export const listEmailTopicsOperation = defineOperation({
  operationId: "listEmailTopics",
  summary: "List email topics",
  description: "Every topic in preference order, with how many templates use each.",
  tags,
  auth,
  responses: { "200": { description: "The topics.", content: jsonContent(emailTopicListSchema) } },
});

export const createEmailTopicOperation = defineOperation({
  operationId: "createEmailTopic",
  summary: "Create a marketing email topic",
  description:
    "A topic users can leave (unsubscribe links, the preference centre). New topics are never transactional.",
  tags,
  auth,
  body: createEmailTopicBodySchema,
  responses: {
    "201": { description: "Created.", content: jsonContent(emailTopicResponseSchema) },
  },
  errors: { 409: ["email_topic_exists"] },
});

export const getEmailTopicOperation = {
  ...defineOperation({
    operationId: "getEmailTopic",
    summary: "An email topic",
    tags,
    auth,
    responses: {
      "200": { description: "The topic.", content: jsonContent(emailTopicResponseSchema) },
    },
    errors: { 404: ["email_topic_not_found"] },
  }),
  ...requestParams,
};

export const updateEmailTopicOperation = {
  ...defineOperation({
    operationId: "updateEmailTopic",
    summary: "Change an email topic",
    description:
      "Change the named fields. The account topic keeps its code and stays on for everyone (`email_topic_built_in`).",
    tags,
    auth,
    body: updateEmailTopicBodySchema,
    responses: { "200": { description: "Saved.", content: jsonContent(emailTopicResponseSchema) } },
    errors: { 404: ["email_topic_not_found"], 409: ["email_topic_exists", "email_topic_built_in"] },
  }),
  ...requestParams,
};

export const deleteEmailTopicOperation = {
  ...defineOperation({
    operationId: "deleteEmailTopic",
    summary: "Delete an email topic",
    description:
      "Delete a marketing topic no template uses; users' choices about it go with it. The account topic stays.",
    tags,
    auth,
    responses: { "204": { description: "Deleted." } },
    errors: { 404: ["email_topic_not_found"], 409: ["email_topic_in_use", "email_topic_built_in"] },
  }),
  ...requestParams,
};

export const emailPreferencesResponseSchema = z
  .object({ preferences: z.array(emailPreferenceSchema) })
  .meta({ id: "EmailPreferences" });

export const updateEmailPreferencesBodySchema = z
  .strictObject({
    preferences: z
      .array(emailPreferenceChangeSchema.strict())
      .min(1)
      .max(100)
      .meta({ description: "Topics to change, by code; topics not named keep their state." }),
  })
  .meta({ id: "EmailPreferencesUpdate" });

export const getMyEmailPreferencesOperation = defineOperation({
  operationId: "getMyEmailPreferences",
  summary: "The signed-in user's email preferences",
  description: "Every topic with the user's state (their choice, else the topic's default).",
  tags,
  auth: { token: "user" },
  responses: {
    "200": {
      description: "The preferences.",
      content: jsonContent(emailPreferencesResponseSchema),
    },
  },
});

export const updateMyEmailPreferencesOperation = defineOperation({
  operationId: "updateMyEmailPreferences",
  summary: "Change the signed-in user's email preferences",
  description:
    "Subscribe to or leave topics. Account mail cannot be left; naming it as subscribed changes nothing.",
  tags,
  auth: { token: "user" },
  body: updateEmailPreferencesBodySchema,
  responses: {
    "200": {
      description: "The preferences now.",
      content: jsonContent(emailPreferencesResponseSchema),
    },
  },
  errors: { 404: ["email_topic_not_found"], 409: ["email_topic_not_changeable"] },
});
