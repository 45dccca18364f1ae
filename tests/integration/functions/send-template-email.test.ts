import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freezeClock, MINUTE_MS } from "@/lib/clock";
import { emailLog } from "@/lib/db/schema";
import { saveEmailTemplate } from "@/lib/email/save-email-template";
import { recordEvent } from "@/lib/events/record-event";
import { createUser } from "@/lib/users/create-user";
import { EMAIL_REQUESTED_EVENT } from "@/inngest/events";
import { localRuns } from "@/inngest/local/schema";
import { openTestDatabase } from "../../support/test-database";
import { startLocalInngest } from "../../support/local-inngest";
import { uniqueEmail } from "../services/fixtures";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let inngest: Awaited<ReturnType<typeof startLocalInngest>>;

beforeAll(async () => {
  delete process.env.SMTP_URL; // the embedded mailbox
  database = await openTestDatabase();
  freezeClock(new Date("2026-09-01T00:00:00Z"));
  inngest = await startLocalInngest(database.db);
  await inngest.executor.drain();
  await saveEmailTemplate(database.db, {
    code: "welcome",
    name: "Welcome",
    subject: "Welcome, {{user.name}}",
    bodyHtml: "<p>Hello {{user.name}}</p>",
    bodyText: "Hello {{user.name}}",
  });
});
afterAll(async () => {
  await inngest.stop();
  await database.close();
});

describe("send-template-email", () => {
  it("sends a template to the user of a custom.test_email event, through the outbox and the executor", async () => {
    const user = await createUser(database.db, { email: uniqueEmail("mail"), name: "Ada" });
    await recordEvent(database.db, {
      name: "custom.test_email",
      userId: user.id,
      payload: { template_code: "welcome" },
    });
    await inngest.advance(MINUTE_MS); // the outbox sweep delivers it
    const sent = await database.db.select().from(emailLog).where(eq(emailLog.userId, user.id));
    expect(sent).toMatchObject([
      { status: "sent", subject: "Welcome, Ada", toAddress: user.email, templateCode: "welcome" },
    ]);
  });

  it("sends once per idempotency key, however often the request is repeated", async () => {
    const user = await createUser(database.db, { email: uniqueEmail("once"), name: "Bo" });
    const { inngest: client } = await import("@/inngest/client");
    const request = {
      name: EMAIL_REQUESTED_EVENT,
      data: { user_id: user.id, template_code: "welcome", idempotency_key: `welcome:${user.id}` },
    };
    await client.send([request, request, { ...request }]);
    await inngest.executor.drain();
    expect(
      await database.db.select().from(emailLog).where(eq(emailLog.userId, user.id)),
    ).toHaveLength(1);
    const runs = (await database.db.select().from(localRuns)).filter((run) =>
      run.functionId.endsWith("send-template-email"),
    );
    expect(runs.every((run) => run.status === "completed")).toBe(true);
  });
});
