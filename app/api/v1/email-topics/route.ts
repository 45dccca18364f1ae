import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { createEmailTopicBodySchema } from "@/lib/api/operations/email-topics";
import { serializeEmailTopic } from "@/lib/email/consent/email-topic-json";
import { getEmailTopic, listEmailTopics } from "@/lib/email/consent/list-email-topics";
import { saveEmailTopic } from "@/lib/email/consent/save-email-topic";

const auth = { token: "api", scope: "email:topics" } as const;

export const GET = apiRoute({ auth }, async ({ db }) => {
  const topics = await listEmailTopics(db);
  return NextResponse.json({ topics: topics.map(serializeEmailTopic) });
});

export const POST = apiRoute({ auth, body: createEmailTopicBodySchema }, async ({ db, body }) => {
  const topic = await saveEmailTopic(db, {
    input: {
      code: body.code,
      name: body.name,
      description: body.description ?? undefined,
      subscribedByDefault: body.subscribed_by_default,
      sorting: body.sorting,
    },
  });
  return NextResponse.json(
    { topic: serializeEmailTopic(await getEmailTopic(db, topic.id)) },
    { status: 201 },
  );
});
