import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { emailStatsQuerySchema } from "@/lib/api/operations/email-stats";
import { pathIdParam } from "@/lib/api/path-id-param";
import { findEmailTemplate } from "@/lib/email/find-email-template";
import { serializeEmailStats } from "@/lib/email/stats/email-stats-json";
import { loadOneTemplateEmailStats } from "@/lib/email/stats/load-email-stats";
import { notFound } from "@/lib/errors";

const templateNotFound = () => notFound("email_template_not_found", "No such email template.");

export const GET = apiRoute(
  { auth: { token: "api", scope: "automation:read" }, query: emailStatsQuerySchema },
  async ({ db, params, query }) => {
    const template = await findEmailTemplate(db, pathIdParam(params, "id", templateNotFound));
    if (!template) throw templateNotFound();
    const stats = await loadOneTemplateEmailStats(db, { code: template.code, since: query.since });
    return NextResponse.json({
      template: { id: template.id, code: template.code, name: template.name },
      stats: serializeEmailStats(stats),
    });
  },
);
