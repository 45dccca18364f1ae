import { and, eq, isNull } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as oneClickRoute } from "@/app/email/(consent)/unsubscribe/[token]/one-click/route";
import { emailEvents, emailLog, emailSuppressions, userEmailPreferences } from "@/lib/db/schema";
import { openEmailToken, sealEmailToken } from "@/lib/email/consent/email-tokens";
import { loadEmailPreferences } from "@/lib/email/consent/email-preferences";
import { saveEmailTemplate } from "@/lib/email/save-email-template";
import { sendTemplateEmail } from "@/lib/email/send-template-email";
import { loadOneTemplateEmailStats } from "@/lib/email/stats/load-email-stats";
import { sendAccountEmail } from "@/lib/users/send-account-email";
import { createUser } from "@/lib/users/create-user";
import { openTestDatabase } from "../../support/test-database";
import { uniqueEmail } from "../services/fixtures";
import { decodeQuotedPrintable, headerOf, startSmtpServer } from "./smtp-test-server";

/*
 * Consent end to end over real SMTP: a marketing email carries RFC 8058 one-click unsubscribe headers; a POST to
 * that URL with no cookie unsubscribes at once; the next marketing email is skipped, account mail still arrives.
 */

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const db = () => database.db;

beforeAll(async () => {
  database = await openTestDatabase();
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  await saveEmailTemplate(db(), {
    code: "weekly-offer",
    name: "Weekly offer",
    topic: "news",
    subject: "This week for {{user.name}}",
    bodyHtml: "<p>Hi {{user.name}}, this week's offer.</p>",
    bodyText: "Hi {{user.name}}, this week's offer.",
  });
  await saveEmailTemplate(db(), {
    code: "order-receipt",
    name: "Receipt",
    topic: "account",
    subject: "Your receipt",
    bodyHtml: "<p>Thanks for your order.</p>",
    bodyText: "Thanks for your order.",
  });
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp.close();
  await database.close();
});
afterEach(() => {
  smtp.received.length = 0;
});

/** The URL of a message's List-Unsubscribe header (`<https://…>`). */
function listUnsubscribeUrl(raw: string): string {
  const header = headerOf(raw, "List-Unsubscribe");
  const url = /^<(https?:\/\/[^>]+)>$/.exec(header ?? "")?.[1];
  if (!url) throw new Error(`No List-Unsubscribe URL in: ${header}`);
  return url;
}

/** What a mailbox provider sends (RFC 8058 §3.1): a form-encoded POST, no cookies, no CSRF token. */
function oneClick(url: string, body = "List-Unsubscribe=One-Click") {
  const token = new URL(url).pathname.split("/").pop()!;
  return oneClickRoute(
    new Request(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
    }),
    { params: Promise.resolve({ token }) },
  );
}

describe("one-click unsubscribe", () => {
  it("the header's URL unsubscribes at once; the next marketing email is skipped, account mail arrives", async () => {
    const user = await createUser(db(), { email: uniqueEmail("reader"), name: "Rea" });
    await sendTemplateEmail(db(), {
      templateCode: "weekly-offer",
      userId: user.id,
      idempotencyKey: `offer-1:${user.id}`,
    });
    expect(smtp.received).toHaveLength(1);
    const raw = smtp.received[0]!.raw;
    expect(headerOf(raw, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const url = listUnsubscribeUrl(raw);
    expect(url).toMatch(/\/email\/unsubscribe\/[A-Za-z0-9_-]{40,}$/);
    // The token names neither the user nor the topic.
    const sealed = Buffer.from(url.split("/").pop()!, "base64url").toString("latin1");
    expect(sealed).not.toMatch(/"u"|"t"|news/);
    // The footer offers the same way out in the body; both links name this email's Message-ID, sealed.
    const body = decodeQuotedPrintable(
      raw
        .split(/\r?\n\r?\n/)
        .slice(1)
        .join("\n\n"),
    );
    const bodyToken = /\/email\/unsubscribe\/([A-Za-z0-9_-]{40,})/.exec(body)?.[1];
    const [sent] = await db()
      .select()
      .from(emailLog)
      .where(eq(emailLog.idempotencyKey, `offer-1:${user.id}`));
    expect(openEmailToken("unsubscribe", bodyToken ?? "")).toEqual({
      u: user.id,
      t: sent!.topicId,
      m: sent!.messageId,
    });
    expect(openEmailToken("unsubscribe", url.split("/").pop()!)).toEqual({
      u: user.id,
      t: sent!.topicId,
      m: sent!.messageId,
    });

    const response = await oneClick(url);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ unsubscribed: true });
    const [preference] = await db()
      .select()
      .from(userEmailPreferences)
      .where(eq(userEmailPreferences.userId, user.id));
    expect(preference).toMatchObject({ subscribed: false, source: "one_click" });
    // A second POST (providers retry) is no error, and multipart/form-data (what RFC 8058 prefers) works as well.
    const form = new FormData();
    form.set("List-Unsubscribe", "One-Click");
    const multipart = await oneClickRoute(new Request(url, { method: "POST", body: form }), {
      params: Promise.resolve({ token: url.split("/").pop()! }),
    });
    expect(multipart.status).toBe(200);
    // The email the link came in counts the unsubscribe, once however often it is posted.
    const [offer] = await db()
      .select()
      .from(emailLog)
      .where(eq(emailLog.idempotencyKey, `offer-1:${user.id}`));
    expect(offer!.unsubscribedAt).toBeInstanceOf(Date);
    const unsubscribes = await db()
      .select()
      .from(emailEvents)
      .where(and(eq(emailEvents.emailLogId, offer!.id), eq(emailEvents.type, "unsubscribed")));
    expect(unsubscribes).toHaveLength(1);

    const next = await sendTemplateEmail(db(), {
      templateCode: "weekly-offer",
      userId: user.id,
      idempotencyKey: `offer-2:${user.id}`,
    });
    expect(next.entry).toMatchObject({ status: "skipped", skipReason: "unsubscribed" });
    const receipt = await sendTemplateEmail(db(), {
      templateCode: "order-receipt",
      userId: user.id,
      idempotencyKey: `receipt:${user.id}`,
    });
    expect(receipt.entry.status).toBe("sent");
    expect(smtp.received).toHaveLength(2);
    expect(smtp.received[1]!.to).toEqual([user.email]);
    expect(headerOf(smtp.received[1]!.raw, "List-Unsubscribe")).toBeUndefined();

    const preferences = await loadEmailPreferences(db(), user.id);
    expect(preferences.map((p) => [p.code, p.subscribed])).toEqual([
      ["account", true],
      ["news", false],
    ]);
  });

  it("refuses a tampered or foreign token (404) and a POST without the one-click body (400), changing nothing", async () => {
    const user = await createUser(db(), { email: uniqueEmail("tamper") });
    await sendTemplateEmail(db(), {
      templateCode: "weekly-offer",
      userId: user.id,
      idempotencyKey: `offer:${user.id}`,
    });
    const url = listUnsubscribeUrl(smtp.received[0]!.raw);
    const token = url.split("/").pop()!;
    const flipped = token.slice(0, 20) + (token[20] === "A" ? "B" : "A") + token.slice(21);
    const base = url.slice(0, url.length - token.length);
    // An open-pixel token is sealed for another purpose: it opens nothing here.
    const foreign = sealEmailToken("open", { e: 1 });
    for (const bad of [flipped, token.slice(0, 30), foreign, "x".repeat(600), "%00"]) {
      const response = await oneClick(`${base}${bad}`);
      expect(response.status, bad).toBe(404);
      expect(await response.json()).toMatchObject({ error: "unsubscribe_link_invalid" });
    }
    for (const body of ["", "List-Unsubscribe=Yes", "unsubscribe"]) {
      const response = await oneClick(url, body);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: "one_click_body_required" });
    }
    expect(
      await db()
        .select()
        .from(userEmailPreferences)
        .where(eq(userEmailPreferences.userId, user.id)),
    ).toEqual([]);
  });

  it("account mail cannot be left by a link (409)", async () => {
    const user = await createUser(db(), { email: uniqueEmail("acct") });
    const [account] = (await loadEmailPreferences(db(), user.id)).filter((p) => p.transactional);
    const token = sealEmailToken("unsubscribe", { u: user.id, t: account!.topicId });
    const response = await oneClick(`https://subflow.test/email/unsubscribe/${token}`);
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: "email_topic_not_changeable" });
  });
});

describe("a stored template of a marketing topic sent by a built-in sender", () => {
  it("is marketing mail: unsubscribe headers and footer, consent applies; the built-in text stays account mail", async () => {
    const builtIn = {
      code: "welcome_tips",
      subject: "Welcome",
      bodyHtml: "<p>Welcome {{user.name}}</p>",
      bodyText: "Welcome {{user.name}}",
    };
    const user = await createUser(db(), { email: uniqueEmail("tips"), name: "Tia" });
    const send = (key: string) =>
      sendAccountEmail(db(), {
        userId: user.id,
        to: user.email,
        template: builtIn,
        idempotencyKey: `${key}:${user.id}`,
        extra: {},
      });
    // No stored template: the built-in text is account mail, without unsubscribe headers.
    await send("builtin");
    expect(headerOf(smtp.received[0]!.raw, "List-Unsubscribe")).toBeUndefined();

    await saveEmailTemplate(db(), { ...builtIn, name: "Welcome tips", topic: "news" });
    await send("stored");
    const raw = smtp.received[1]!.raw;
    const url = listUnsubscribeUrl(raw);
    expect(decodeQuotedPrintable(raw)).toContain("Unsubscribe");
    expect((await oneClick(url)).status).toBe(200);
    const skipped = await send("after");
    expect(skipped?.entry).toMatchObject({ status: "skipped", skipReason: "unsubscribed" });
    expect(smtp.received).toHaveLength(2);
    // The template's figures (the built-in text's email and the stored template's) count the one unsubscribe.
    const stats = await loadOneTemplateEmailStats(db(), { code: "welcome_tips" });
    expect(stats).toMatchObject({ sent: 2, unsubscribed: 1 });
  });

  it("a recipient who is no user is suppressed as an address by their link", async () => {
    const address = uniqueEmail("friend");
    const token = sealEmailToken("unsubscribe", { a: address, t: 0 });
    const response = await oneClick(`https://subflow.test/email/unsubscribe/${token}`);
    expect(response.status).toBe(200);
    expect(await oneClick(`https://subflow.test/email/unsubscribe/${token}`)).toHaveProperty(
      "status",
      200,
    );
    const rows = await db()
      .select()
      .from(emailSuppressions)
      .where(
        and(
          eq(emailSuppressions.address, address.toLowerCase()),
          isNull(emailSuppressions.liftedAt),
        ),
      );
    expect(rows).toEqual([expect.objectContaining({ reason: "unsubscribed" })]);
    expect(await db().select().from(emailLog).where(eq(emailLog.toAddress, address))).toEqual([]);
  });
});
