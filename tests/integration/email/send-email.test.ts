import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { freezeClock, resetClock } from "@/lib/clock";
import { appSettings, emailLog, emailTopics, users } from "@/lib/db/schema";
import { setSetting } from "@/lib/settings";
import { sendEmail } from "@/lib/email/send-email";
import type { EmailTransport } from "@/lib/email/transport";
import { openTestDatabase } from "../../support/test-database";
import { closedPort, decodeQuotedPrintable, headerOf, startSmtpServer } from "./smtp-test-server";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());
afterEach(() => {
  delete process.env.SMTP_URL;
  resetClock();
});

let sequence = 0;
const key = (label: string) => `${label}-${Date.now().toString(36)}-${++sequence}`;
const message = (idempotencyKey: string) => ({
  idempotencyKey,
  to: "reader@example.com",
  subject: "Your plan ends soon",
  html: "<p>Hello Reader, your plan ends on 1 Feb 2026.</p>",
  text: "Hello Reader, your plan ends on 1 Feb 2026.",
});

function countingTransport(delayMs = 0) {
  const sent: string[] = [];
  const transport: EmailTransport = {
    name: "counting",
    async send(email) {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      sent.push(email.subject);
      return { messageId: `<${sent.length}@counting>` };
    },
  };
  return { transport, sent };
}

const rowsFor = (idempotencyKey: string) =>
  database.db.select().from(emailLog).where(eq(emailLog.idempotencyKey, idempotencyKey));

describe("sendEmail idempotency", () => {
  it("sends a key once: a second call returns the sent entry without sending", async () => {
    const { transport, sent } = countingTransport();
    const idempotencyKey = key("twice");
    const first = await sendEmail(database.db, message(idempotencyKey), { transport });
    const second = await sendEmail(
      database.db,
      { ...message(idempotencyKey), subject: "changed" },
      { transport },
    );
    expect(first.sentNow).toBe(true);
    expect(second.sentNow).toBe(false);
    expect(second.entry).toMatchObject({
      id: first.entry.id,
      status: "sent",
      subject: "Your plan ends soon",
      attempts: 1,
    });
    expect(sent).toEqual(["Your plan ends soon"]);
    expect(await rowsFor(idempotencyKey)).toHaveLength(1);
  });

  it("sends once when five calls with one key run concurrently", async () => {
    const { transport, sent } = countingTransport(50);
    const idempotencyKey = key("concurrent");
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        sendEmail(database.db, message(idempotencyKey), { transport }),
      ),
    );
    expect(sent).toHaveLength(1);
    expect(results.filter((result) => result.sentNow)).toHaveLength(1);
    expect(new Set(results.map((result) => result.entry.id)).size).toBe(1);
    const rows = await rowsFor(idempotencyKey);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      status: "sent",
      attempts: 1,
      providerMessageId: "<1@counting>",
    });
  });
});

// Concurrent sends need two connections: an embedded PGlite runs one transaction at a time, so the race cannot
// happen there. CI runs the suite on Postgres (DATABASE_URL).
describe("the frequency cap under concurrency", () => {
  afterEach(() => database.db.delete(appSettings).where(eq(appSettings.key, "email.delivery")));

  it.skipIf(!process.env.DATABASE_URL)(
    "lets one of four marketing emails sent to one user at once through a cap of 1 per day",
    async () => {
      await setSetting(database.db, "email.delivery", {
        frequency_cap: { per_day: 1, per_week: null },
        quiet_hours: null,
      });
      const [user] = await database.db
        .insert(users)
        .values({ email: `capped-${key("user")}@example.com`, name: "Capped" })
        .returning();
      const [news] = await database.db
        .select({ id: emailTopics.id })
        .from(emailTopics)
        .where(eq(emailTopics.code, "news"));
      // A slow transport keeps each send's transaction open while the others arrive.
      const { transport, sent } = countingTransport(50);
      const keys = Array.from({ length: 4 }, (_, i) => key(`capped-${i}`));
      const results = await Promise.all(
        keys.map((idempotencyKey) =>
          sendEmail(
            database.db,
            {
              ...message(idempotencyKey),
              to: user!.email,
              userId: user!.id,
              topic: { id: news!.id, transactional: false },
            },
            { transport },
          ),
        ),
      );
      expect(sent).toHaveLength(1);
      expect(results.map((result) => result.entry.status).sort()).toEqual([
        "sent",
        "skipped",
        "skipped",
        "skipped",
      ]);
      expect(
        results
          .filter((result) => result.entry.status === "skipped")
          .map((r) => r.entry.skipReason),
      ).toEqual(["frequency_cap", "frequency_cap", "frequency_cap"]);
    },
  );
});

describe("sendEmail over SMTP", () => {
  it("delivers the rendered message to a real SMTP server", async () => {
    const smtp = await startSmtpServer();
    try {
      process.env.SMTP_URL = smtp.url;
      freezeClock(new Date("2026-03-01T10:00:00Z"));
      const idempotencyKey = key("smtp");
      const { entry } = await sendEmail(database.db, message(idempotencyKey));
      expect(smtp.received).toHaveLength(1);
      const [arrived] = smtp.received;
      expect(arrived!.to).toEqual(["reader@example.com"]);
      expect(arrived!.from).toBe("no-reply@subflow.test");
      expect(headerOf(arrived!.raw, "Subject")).toBe("Your plan ends soon");
      expect(headerOf(arrived!.raw, "To")).toBe("reader@example.com");
      expect(headerOf(arrived!.raw, "X-Subflow-Email-Id")).toBe(String(entry.id));
      const body = decodeQuotedPrintable(arrived!.raw);
      expect(body).toContain("<p>Hello Reader, your plan ends on 1 Feb 2026.</p>");
      expect(body).toContain("text/plain");
      expect(entry).toMatchObject({ status: "sent", transport: "smtp", attempts: 1, error: null });
      expect(entry.sentAt).toEqual(new Date("2026-03-01T10:00:00Z"));
      expect(headerOf(arrived!.raw, "Message-ID")).toBe(entry.providerMessageId);
    } finally {
      await smtp.close();
    }
  });

  it("records a failed delivery, rethrows, and sends on a later retry once the server is up", async () => {
    const idempotencyKey = key("retry");
    process.env.SMTP_URL = `smtp://127.0.0.1:${await closedPort()}`;
    await expect(sendEmail(database.db, message(idempotencyKey))).rejects.toThrow(/not delivered/);
    let [row] = await rowsFor(idempotencyKey);
    expect(row).toMatchObject({ status: "failed", transport: "smtp", attempts: 1, sentAt: null });
    expect(row!.error).toMatch(/ECONNREFUSED|connect/i);

    await expect(sendEmail(database.db, message(idempotencyKey))).rejects.toThrow(/not delivered/);
    [row] = await rowsFor(idempotencyKey);
    expect(row).toMatchObject({ status: "failed", attempts: 2 });

    const smtp = await startSmtpServer();
    try {
      process.env.SMTP_URL = smtp.url;
      const retried = await sendEmail(database.db, message(idempotencyKey));
      expect(retried.sentNow).toBe(true);
      expect(retried.entry).toMatchObject({ status: "sent", attempts: 3, error: null });
      expect(smtp.received).toHaveLength(1);
      expect(await rowsFor(idempotencyKey)).toHaveLength(1);
    } finally {
      await smtp.close();
    }
  });
});

describe("sendEmail without SMTP_URL", () => {
  it("keeps the message in the mailbox (email_log) with a message id", async () => {
    const idempotencyKey = key("mailbox");
    const { entry, sentNow } = await sendEmail(database.db, {
      ...message(idempotencyKey),
      userId: null,
    });
    expect(sentNow).toBe(true);
    expect(entry).toMatchObject({
      status: "sent",
      transport: "mailbox",
      toAddress: "reader@example.com",
      subject: "Your plan ends soon",
      bodyHtml: "<p>Hello Reader, your plan ends on 1 Feb 2026.</p>",
      bodyText: "Hello Reader, your plan ends on 1 Feb 2026.",
    });
    expect(entry.providerMessageId).toMatch(/^<.+@.+>$/);
  });

  it("refuses an invalid recipient before recording anything", async () => {
    const idempotencyKey = key("invalid");
    await expect(
      sendEmail(database.db, { ...message(idempotencyKey), to: "not an address" }),
    ).rejects.toThrow();
    expect(await rowsFor(idempotencyKey)).toHaveLength(0);
  });
});
