import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { updateEmailTopicBodySchema } from "@/lib/api/operations/email-topics";
import { pathIdParam } from "@/lib/api/path-id-param";
import { deleteEmailTopic } from "@/lib/email/consent/delete-email-topic";
import { serializeEmailTopic } from "@/lib/email/consent/email-topic-json";
import { getEmailTopic } from "@/lib/email/consent/list-email-topics";
import { saveEmailTopic } from "@/lib/email/consent/save-email-topic";
import { notFound } from "@/lib/errors";

const auth = { token: "api", scope: "email:topics" } as const;

/** The `{id}` segment; a value that is not an id names no topic (404, like an unknown one). */
function topicId(params: Record<string, string>): number {
  return pathIdParam(params, "id", () => notFound("email_topic_not_found", "No such email topic."));
}

export const GET = apiRoute({ auth }, async ({ db, params }) => {
  return NextResponse.json({
    topic: serializeEmailTopic(await getEmailTopic(db, topicId(params))),
  });
});

export const PATCH = apiRoute(
  { auth, body: updateEmailTopicBodySchema },
  async ({ db, body, params }) => {
    const current = await getEmailTopic(db, topicId(params));
    // Fields not named keep their values (null clears the description).
    await saveEmailTopic(db, {
      id: current.id,
      input: {
        code: body.code ?? current.code,
        name: body.name ?? current.name,
        description:
          body.description === undefined
            ? (current.description ?? undefined)
            : (body.description ?? ""),
        subscribedByDefault: body.subscribed_by_default,
        sorting: body.sorting,
      },
    });
    return NextResponse.json({ topic: serializeEmailTopic(await getEmailTopic(db, current.id)) });
  },
);

export const DELETE = apiRoute({ auth }, async ({ db, params }) => {
  await deleteEmailTopic(db, topicId(params));
  return new NextResponse(null, { status: 204 });
});
