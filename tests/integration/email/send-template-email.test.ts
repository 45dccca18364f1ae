import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addDays, freezeClock, resetClock } from "@/lib/clock";
import { emailLog } from "@/lib/db/schema";
import { buildEmailContext } from "@/lib/email/build-email-context";
import { deleteEmailTemplate } from "@/lib/email/delete-email-template";
import { listEmailLog } from "@/lib/email/list-email-log";
import { saveEmailTemplate } from "@/lib/email/save-email-template";
import { sendTemplateEmail } from "@/lib/email/send-template-email";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { createUser } from "@/lib/users/create-user";
import { openTestDatabase } from "../../support/test-database";
import { seedCatalog, uniqueEmail } from "../services/fixtures";
import { decodeQuotedPrintable, headerOf, startSmtpServer } from "./smtp-test-server";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let catalog: Awaited<ReturnType<typeof seedCatalog>>;
beforeAll(async () => {
  database = await openTestDatabase();
  catalog = await seedCatalog(database.db);
});
afterAll(() => database.close());
afterEach(() => {
  delete process.env.SMTP_URL;
  resetClock();
});

const start = new Date("2026-01-01T00:00:00Z");

describe("buildEmailContext", () => {
  it("gives the user's actual subscription ending last, dates in UTC", async () => {
    freezeClock(start);
    const user = await createUser(database.db, { email: uniqueEmail("ctx"), name: "Ctx" });
    await createSubscription(database.db, {
      userId: user.id,
      subscriptionTypeId: catalog.webMonth.id,
      startAt: start,
      endAt: addDays(start, 31),
    });
    await createSubscription(database.db, {
      userId: user.id,
      subscriptionTypeId: catalog.webYear.id,
      startAt: start,
      endAt: addDays(start, 365),
    });
    // Upcoming: not actual yet.
    await createSubscription(database.db, {
      userId: user.id,
      subscriptionTypeId: catalog.webPrintMonth.id,
      startAt: addDays(start, 400),
      endAt: addDays(start, 800),
    });
    freezeClock(addDays(start, 1));
    const context = await buildEmailContext(database.db, user.id, { order: { id: 5 } });
    expect(context).toEqual({
      order: { id: 5 },
      user: { id: user.id, email: user.email, name: "Ctx" },
      subscription: {
        type_name: "Web yearly",
        start_at: "1 Jan 2026, 00:00 UTC",
        end_at: "1 Jan 2027, 00:00 UTC",
      },
      app: { name: "Subflow", url: expect.stringMatching(/^https?:\/\//) },
    });
    freezeClock(addDays(start, 366));
    expect((await buildEmailContext(database.db, user.id)).subscription).toBeNull();
  });
});

describe("sendTemplateEmail", () => {
  it("renders the template for the user and delivers it over SMTP once per key", async () => {
    freezeClock(start);
    await saveEmailTemplate(database.db, {
      code: "plan-ending",
      name: "Plan ending",
      subject: "{{user.name}}, your {{subscription.type_name}} ends {{subscription.end_at}}",
      bodyHtml: '<p>Hi {{user.name}}, renew at <a href="{{app.url}}/account">{{app.name}}</a>.</p>',
      bodyText: "Hi {{user.name}}, your plan ends {{subscription.end_at}}.{{order.id}}",
    });
    const user = await createUser(database.db, { email: uniqueEmail("tpl"), name: "Zoe <Z>" });
    await createSubscription(database.db, {
      userId: user.id,
      subscriptionTypeId: catalog.webMonth.id,
      startAt: start,
      endAt: addDays(start, 31),
    });
    const smtp = await startSmtpServer();
    try {
      process.env.SMTP_URL = smtp.url;
      const first = await sendTemplateEmail(database.db, {
        templateCode: "plan-ending",
        userId: user.id,
        idempotencyKey: `ending:${user.id}`,
      });
      const again = await sendTemplateEmail(database.db, {
        templateCode: "plan-ending",
        userId: user.id,
        idempotencyKey: `ending:${user.id}`,
      });
      expect(smtp.received).toHaveLength(1);
      expect(again).toEqual({ entry: first.entry, sentNow: false });
      const raw = smtp.received[0]!.raw;
      expect(smtp.received[0]!.to).toEqual([user.email]);
      expect(headerOf(raw, "Subject")).toBe("Zoe <Z>, your Web monthly ends 1 Feb 2026, 00:00 UTC");
      const body = decodeQuotedPrintable(raw);
      expect(body).toContain('<p>Hi Zoe &lt;Z&gt;, renew at <a href="http');
      expect(body).toContain("Hi Zoe <Z>, your plan ends 1 Feb 2026, 00:00 UTC.");
      expect(first.entry).toMatchObject({
        userId: user.id,
        templateCode: "plan-ending",
        toAddress: user.email,
        status: "sent",
      });
    } finally {
      await smtp.close();
    }
  });

  it("refuses an unknown template or user", async () => {
    const user = await createUser(database.db, { email: uniqueEmail("none") });
    await expect(
      sendTemplateEmail(database.db, {
        templateCode: "missing",
        userId: user.id,
        idempotencyKey: "k-missing",
      }),
    ).rejects.toMatchObject({ code: "email_template_not_found" });
    await expect(
      sendTemplateEmail(database.db, {
        templateCode: "plan-ending",
        userId: 999_999,
        idempotencyKey: "k-no-user",
      }),
    ).rejects.toMatchObject({ code: "user_not_found" });
    expect(
      await database.db.select().from(emailLog).where(eq(emailLog.idempotencyKey, "k-missing")),
    ).toHaveLength(0);
  });

  it("lists the mailbox by status and search", async () => {
    const user = await createUser(database.db, { email: uniqueEmail("box"), name: "Box" });
    await sendTemplateEmail(database.db, {
      templateCode: "plan-ending",
      userId: user.id,
      idempotencyKey: `box:${user.id}`,
    });
    const sent = await listEmailLog(database.db, {
      status: "sent",
      search: user.email,
      limit: 10,
      offset: 0,
    });
    expect(sent.total).toBe(1);
    expect(sent.rows[0]).toMatchObject({
      toAddress: user.email,
      transport: "mailbox",
      templateCode: "plan-ending",
    });
    expect(
      (
        await listEmailLog(database.db, {
          status: "failed",
          search: user.email,
          limit: 10,
          offset: 0,
        })
      ).total,
    ).toBe(0);
  });
});

describe("saveEmailTemplate", () => {
  it("creates, edits, refuses a taken code or a template that does not parse, and deletes", async () => {
    const template = await saveEmailTemplate(database.db, {
      code: "welcome",
      name: "Welcome",
      subject: "Hi",
      bodyHtml: "<p>Hi</p>",
      bodyText: "Hi",
    });
    const edited = await saveEmailTemplate(database.db, {
      id: template.id,
      code: "welcome",
      name: "Welcome!",
      subject: "Hello {{user.name}}",
      bodyHtml: "<p>Hi</p>",
      bodyText: "Hi\r\nthere",
    });
    expect(edited).toMatchObject({
      id: template.id,
      name: "Welcome!",
      subject: "Hello {{user.name}}",
      bodyText: "Hi\nthere",
    });
    await expect(
      saveEmailTemplate(database.db, {
        code: "welcome",
        name: "Dup",
        subject: "x",
        bodyHtml: "x",
        bodyText: "x",
      }),
    ).rejects.toMatchObject({ code: "email_template_exists" });
    await expect(
      saveEmailTemplate(database.db, {
        code: "broken",
        name: "Broken",
        subject: "{{#if}}",
        bodyHtml: "x",
        bodyText: "x",
      }),
    ).rejects.toThrow(/does not parse/);
    await expect(
      saveEmailTemplate(database.db, {
        code: "Bad Code",
        name: "x",
        subject: "x",
        bodyHtml: "x",
        bodyText: "x",
      }),
    ).rejects.toThrow(/lowercase/);
    await deleteEmailTemplate(database.db, template.id);
    await expect(deleteEmailTemplate(database.db, template.id)).rejects.toMatchObject({
      code: "email_template_not_found",
    });
  });
});
