import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/define-operation";
import { pageQueryFields } from "@/lib/api/scenario-route-params";
import type { ApiScope } from "@/lib/api-tokens/api-scopes";
import { emailTemplateListItemSchema, emailTemplateSchema } from "@/lib/email/email-template-json";
import { emailTemplateInputSchema } from "@/lib/email/schemas";

const fields = emailTemplateInputSchema.shape;

/** Every email template route takes the `email:templates` scope; reading also takes `automation:read`. */
export const EMAIL_TEMPLATES_AUTH = { token: "api", scope: "email:templates" } as const;
export const EMAIL_TEMPLATES_READ_AUTH = {
  token: "api",
  anyScope: ["email:templates", "automation:read"] as const satisfies readonly [
    ApiScope,
    ...ApiScope[],
  ],
} as const;

/** POST /email-templates and PUT /email-templates/{id}: the whole template. */
export const emailTemplateBodySchema = z
  .strictObject({
    code: fields.code.meta({
      description:
        "Lowercase letters, digits, - and _. Scenarios and functions send the template by its code.",
    }),
    name: fields.name,
    subject: fields.subject.meta({ description: "Handlebars, like the bodies." }),
    body_html: fields.bodyHtml,
    body_text: fields.bodyText,
    topic: fields.topic.meta({
      description:
        "The email topic's code. Omitted: on create the account topic for built-in emails, else the first " +
        "marketing topic; on replace the template keeps its topic.",
    }),
    track_engagement: fields.trackEngagement.meta({
      description:
        "Open and click tracking; null or omitted: the topic's default (on for marketing topics).",
    }),
  })
  .meta({ id: "EmailTemplateRequest" });

export const listEmailTemplatesQuerySchema = z.strictObject({ ...pageQueryFields });

export const emailTemplateResponseSchema = z
  .object({ template: emailTemplateSchema })
  .meta({ id: "EmailTemplateResponse" });
export const emailTemplateListSchema = z
  .object({
    templates: z.array(emailTemplateListItemSchema),
    total: z.number().int().meta({ description: "How many templates there are." }),
  })
  .meta({ id: "EmailTemplateList" });

const tags = ["Email"];
const path = z.object({ id: z.string().meta({ description: "The template id." }) });
const withPath = (operation: ReturnType<typeof defineOperation>) => ({
  ...operation,
  requestParams: { ...operation.requestParams, path },
});
const BODY_ERRORS = {
  404: ["email_topic_not_found"],
  409: ["email_template_exists"],
} as const;

export const listEmailTemplatesOperation = defineOperation({
  operationId: "listEmailTemplates",
  summary: "List email templates",
  description:
    "A page (`limit`, `offset`) of the templates by name, each with its topic and tracking, and the total.",
  tags,
  auth: EMAIL_TEMPLATES_READ_AUTH,
  query: listEmailTemplatesQuerySchema,
  responses: {
    "200": { description: "The templates.", content: jsonContent(emailTemplateListSchema) },
  },
});

export const createEmailTemplateOperation = defineOperation({
  operationId: "createEmailTemplate",
  summary: "Create an email template",
  tags,
  auth: EMAIL_TEMPLATES_AUTH,
  body: emailTemplateBodySchema,
  responses: {
    "201": { description: "Created.", content: jsonContent(emailTemplateResponseSchema) },
  },
  errors: BODY_ERRORS,
});

export const getEmailTemplateOperation = withPath(
  defineOperation({
    operationId: "getEmailTemplate",
    summary: "An email template, with its subject and bodies",
    tags,
    auth: EMAIL_TEMPLATES_READ_AUTH,
    responses: {
      "200": { description: "The template.", content: jsonContent(emailTemplateResponseSchema) },
    },
    errors: { 404: ["email_template_not_found"] },
  }),
);

export const replaceEmailTemplateOperation = withPath(
  defineOperation({
    operationId: "replaceEmailTemplate",
    summary: "Replace an email template",
    description:
      "Replace every field (an omitted `track_engagement` goes back to the topic's default; an omitted `topic` " +
      "is kept). A code a scenario sends cannot change (`template_in_use`).",
    tags,
    auth: EMAIL_TEMPLATES_AUTH,
    body: emailTemplateBodySchema,
    responses: {
      "200": { description: "Saved.", content: jsonContent(emailTemplateResponseSchema) },
    },
    errors: {
      404: ["email_template_not_found", "email_topic_not_found"],
      409: ["email_template_exists", "template_in_use"],
    },
  }),
);

export const deleteEmailTemplateOperation = withPath(
  defineOperation({
    operationId: "deleteEmailTemplate",
    summary: "Delete an email template",
    description:
      "Delete a template no scenario sends (`template_in_use` otherwise). Sent mail keeps its rendered copy.",
    tags,
    auth: EMAIL_TEMPLATES_AUTH,
    responses: { "204": { description: "Deleted." } },
    errors: { 404: ["email_template_not_found"], 409: ["template_in_use"] },
  }),
);
