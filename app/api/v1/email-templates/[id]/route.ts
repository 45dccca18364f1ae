import { apiRoute, NextResponse } from "@/lib/api/api-route";
import {
  EMAIL_TEMPLATES_AUTH,
  EMAIL_TEMPLATES_READ_AUTH,
  emailTemplateBodySchema,
} from "@/lib/api/operations/email-templates";
import { pathIdParam } from "@/lib/api/path-id-param";
import { deleteEmailTemplate } from "@/lib/email/delete-email-template";
import { serializeEmailTemplate } from "@/lib/email/email-template-json";
import { requireEmailTemplateWithTopic } from "@/lib/email/find-email-template";
import { saveEmailTemplate } from "@/lib/email/save-email-template";
import { notFound } from "@/lib/errors";

/** The `{id}` segment; a value that is not an id names no template (404, like an unknown one). */
function templateId(params: Record<string, string>): number {
  return pathIdParam(params, "id", () =>
    notFound("email_template_not_found", "No such email template."),
  );
}

export const GET = apiRoute({ auth: EMAIL_TEMPLATES_READ_AUTH }, async ({ db, params }) => {
  return NextResponse.json({
    template: serializeEmailTemplate(await requireEmailTemplateWithTopic(db, templateId(params))),
  });
});

/** Replaces the template: an omitted track_engagement is the topic's default again; an omitted topic is kept. */
export const PUT = apiRoute(
  { auth: EMAIL_TEMPLATES_AUTH, body: emailTemplateBodySchema },
  async ({ db, body, params }) => {
    const template = await saveEmailTemplate(db, {
      id: templateId(params),
      code: body.code,
      name: body.name,
      subject: body.subject,
      bodyHtml: body.body_html,
      bodyText: body.body_text,
      topic: body.topic,
      trackEngagement: body.track_engagement ?? null,
    });
    return NextResponse.json({
      template: serializeEmailTemplate(await requireEmailTemplateWithTopic(db, template.id)),
    });
  },
);

export const DELETE = apiRoute({ auth: EMAIL_TEMPLATES_AUTH }, async ({ db, params }) => {
  await deleteEmailTemplate(db, templateId(params));
  return new NextResponse(null, { status: 204 });
});
