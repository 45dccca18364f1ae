import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { EMAIL_AUTH, userEmailLogQuerySchema } from "@/lib/api/operations/email";
import { pathIdParam } from "@/lib/api/path-id-param";
import { serializeEmailTimelineEntry } from "@/lib/email/email-timeline-json";
import { listUserEmailTimeline } from "@/lib/email/list-user-email-timeline";
import { notFound } from "@/lib/errors";
import { findUser } from "@/lib/users/find-user";

const userNotFound = () => notFound("user_not_found", "No such user.");

export const GET = apiRoute(
  { auth: EMAIL_AUTH, query: userEmailLogQuerySchema },
  async ({ db, params, query }) => {
    const user = await findUser(db, pathIdParam(params, "id", userNotFound));
    if (!user) throw userNotFound();
    const { rows, total } = await listUserEmailTimeline(db, {
      userId: user.id,
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
    return NextResponse.json({ emails: rows.map(serializeEmailTimelineEntry), total });
  },
);
