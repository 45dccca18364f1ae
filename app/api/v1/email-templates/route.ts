import { apiRoute, NextResponse } from "@/lib/api/api-route";
import {
  EMAIL_TEMPLATES_AUTH,
  EMAIL_TEMPLATES_READ_AUTH,
  emailTemplateBodySchema,
  listEmailTemplatesQuerySchema,
} from "@/lib/api/operations/email-templates";
import {
  serializeEmailTemplate,
  serializeEmailTemplateListItem,
} from "@/lib/email/email-template-json";
import { requireEmailTemplateWithTopic } from "@/lib/email/find-email-template";
import { listEmailTemplatesPage } from "@/lib/email/list-email-templates";
import { saveEmailTemplate } from "@/lib/email/save-email-template";

export const GET = apiRoute(
  { auth: EMAIL_TEMPLATES_READ_AUTH, query: listEmailTemplatesQuerySchema },
  async ({ db, query }) => {
    const { rows, total } = await listEmailTemplatesPage(db, {
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
    return NextResponse.json({ templates: rows.map(serializeEmailTemplateListItem), total });
  },
);

export const POST = apiRoute(
  { auth: EMAIL_TEMPLATES_AUTH, body: emailTemplateBodySchema },
  async ({ db, body }) => {
    const template = await saveEmailTemplate(db, {
      code: body.code,
      name: body.name,
      subject: body.subject,
      bodyHtml: body.body_html,
      bodyText: body.body_text,
      topic: body.topic,
      trackEngagement: body.track_engagement ?? null,
    });
    return NextResponse.json(
      { template: serializeEmailTemplate(await requireEmailTemplateWithTopic(db, template.id)) },
      { status: 201 },
    );
  },
);
