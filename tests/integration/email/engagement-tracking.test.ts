import { and, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as clickRoute } from "@/app/email/c/[token]/route";
import { GET as openRoute } from "@/app/email/o/[token]/route";
import { freezeClock, now, resetClock } from "@/lib/clock";
import {
  emailEvents,
  emailLog,
  emailSuppressions,
  emailTopics,
  userEmailPreferences,
} from "@/lib/db/schema";
import { appBaseUrl } from "@/lib/email/build-email-context";
import { sealEmailToken } from "@/lib/email/consent/email-tokens";
import { saveEmailTemplate } from "@/lib/email/save-email-template";
import { sendTemplateEmail } from "@/lib/email/send-template-email";
import { emptyEmailStats, type EmailStats } from "@/lib/email/stats/email-stats";
import { loadScenarioEmailStats, loadTemplateEmailStats } from "@/lib/email/stats/load-email-stats";
import { createUser } from "@/lib/users/create-user";
import { openTestDatabase } from "../../support/test-database";
import { uniqueEmail } from "../services/fixtures";
import { decodeQuotedPrintable, headerOf, startSmtpServer } from "./smtp-test-server";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const db = () => database.db;

const OFFER = "https://shop.example.com/offer?plan=yearly&src=mail";
const GUIDE = "http://guide.example.com/start";

beforeAll(async () => {
  database = await openTestDatabase();
  smtp = await startSmtpServer();
  // Marketing (the `news` topic, tracked by default): two links, a mailto, and the unsubscribe link.
  await saveEmailTemplate(db(), {
    code: "offer",
    name: "Offer",
    topic: "news",
    subject: "An offer for {{user.name}}",
    bodyHtml:
      '<html><body><p>Hi {{user.name}}, <a href="https://shop.example.com/offer?plan=yearly&amp;src=mail">see the offer</a>.</p>' +
      '<p><a class="button" href="http://guide.example.com/start">Guide</a> · <a href="mailto:help@example.com">Help</a></p>' +
      '<p><a href="{{unsubscribe_url}}">Unsubscribe</a></p></body></html>',
    bodyText:
      "Hi {{user.name}}, see the offer: https://shop.example.com/offer?plan=yearly&src=mail",
  });
  // Transactional (the account topic): not tracked by default.
  await saveEmailTemplate(db(), {
    code: "receipt",
    name: "Receipt",
    topic: "account",
    subject: "Your receipt",
    bodyHtml: '<p>Thanks. <a href="https://shop.example.com/orders">Your orders</a></p>',
    bodyText: "Thanks.",
  });
  // Marketing, but the template turns tracking off.
  await saveEmailTemplate(db(), {
    code: "quiet-offer",
    name: "Quiet offer",
    topic: "news",
    trackEngagement: false,
    subject: "Untracked offer",
    bodyHtml: '<p><a href="https://shop.example.com/quiet">Quiet</a></p>',
    bodyText: "Quiet.",
  });
});
afterAll(async () => {
  await smtp.close();
  await database.close();
});
afterEach(() => {
  delete process.env.SMTP_URL;
  resetClock();
});

let sequence = 0;
async function send(
  templateCode: string,
  options: { userId?: number; scenario?: { scenarioId: number; nodeId: string } } = {},
) {
  process.env.SMTP_URL = smtp.url;
  const userId =
    options.userId ?? (await createUser(db(), { email: uniqueEmail("reader"), name: "Reader" })).id;
  const before = smtp.received.length;
  const result = await sendTemplateEmail(db(), {
    templateCode,
    userId,
    idempotencyKey: `tracking-${templateCode}-${++sequence}`,
    scenario: options.scenario,
  });
  const raw = smtp.received.length > before ? smtp.received.at(-1)!.raw : null;
  return { ...result, userId, raw };
}

/** The HTML part of a raw message, quoted-printable undone. */
function htmlPartOf(raw: string): string {
  const decoded = decodeQuotedPrintable(raw);
  const start = decoded.search(/Content-Type: text\/html/i);
  expect(start).toBeGreaterThan(-1);
  const body = decoded
    .slice(start)
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join("\n\n");
  return body.split(/\r?\n--/)[0]!;
}

function textPartOf(raw: string): string {
  const decoded = decodeQuotedPrintable(raw);
  const start = decoded.search(/Content-Type: text\/plain/i);
  return decoded.slice(start).split(/\r?\n--/)[0]!;
}

const tokenIn = (url: string) => url.slice(url.lastIndexOf("/") + 1);
const clickUrlsOf = (html: string) =>
  [...html.matchAll(/href="([^"]*\/email\/c\/[A-Za-z0-9_-]+)"/g)].map((match) => match[1]!);
const pixelUrlOf = (html: string) =>
  /<img src="([^"]*\/email\/o\/[A-Za-z0-9_-]+)"/.exec(html)?.[1] ?? null;

function get(route: typeof openRoute, kind: "o" | "c", token: string) {
  return route(new NextRequest(`http://localhost/email/${kind}/${token}`), {
    params: Promise.resolve({ token }),
  });
}
const open = (token: string) => get(openRoute, "o", token);
const click = (token: string) => get(clickRoute, "c", token);

const eventsOf = (logId: number) =>
  db().select().from(emailEvents).where(eq(emailEvents.emailLogId, logId)).orderBy(emailEvents.id);
const logRow = async (logId: number) =>
  (await db().select().from(emailLog).where(eq(emailLog.id, logId)))[0]!;

/** Flip one character in the middle of a token. */
function tamper(token: string): string {
  const at = Math.floor(token.length / 2);
  return `${token.slice(0, at)}${token[at] === "A" ? "B" : "A"}${token.slice(at + 1)}`;
}

describe("a tracked marketing email on the wire", () => {
  it("has its links rewritten to click URLs, an open pixel, and direct unsubscribe and mailto links", async () => {
    const { entry, raw } = await send("offer");
    expect(entry.status).toBe("sent");
    expect(entry.links).toEqual([OFFER, GUIDE]);
    const html = htmlPartOf(raw!);
    const clicks = clickUrlsOf(html);
    expect(clicks).toHaveLength(2);
    for (const url of clicks) expect(url.startsWith(`${appBaseUrl()}/email/c/`)).toBe(true);
    // The links themselves appear nowhere in the HTML: every way to them goes through the click URL.
    expect(html).not.toContain("shop.example.com");
    expect(html).not.toContain("guide.example.com");
    expect(html).toContain('href="mailto:help@example.com"');
    expect(html).toContain('<a class="button" href="');
    expect(headerOf(raw!, "List-Unsubscribe")).toMatch(
      new RegExp(`^<${appBaseUrl()}/email/unsubscribe/`),
    );
    expect(html).toContain(`<a href="${appBaseUrl()}/email/unsubscribe/`);
    expect(pixelUrlOf(html)).toMatch(new RegExp(`^${appBaseUrl()}/email/o/`));
    expect(html).toMatch(/width="1" height="1" alt=""[^>]*\/><\/body>/);
    // The text part is not tracked; the log keeps the HTML as written.
    expect(textPartOf(raw!)).toContain(OFFER);
    expect(entry.bodyHtml).toContain(
      'href="https://shop.example.com/offer?plan=yearly&amp;src=mail"',
    );
    expect(entry.bodyHtml).not.toContain("/email/o/");
  });

  it("leaves a transactional email, and a marketing template with tracking off, untracked", async () => {
    for (const code of ["receipt", "quiet-offer"]) {
      const { entry, raw } = await send(code);
      expect(entry.status).toBe("sent");
      expect(entry.links).toBeNull();
      const html = htmlPartOf(raw!);
      expect(html).toContain('href="https://shop.example.com/');
      expect(clickUrlsOf(html)).toEqual([]);
      expect(pixelUrlOf(html)).toBeNull();
    }
  });
});

describe("the open pixel", () => {
  it("answers a GIF that is not cached, and records the open once a minute, keeping the first time", async () => {
    const { entry, raw } = await send("offer");
    const pixel = tokenIn(pixelUrlOf(htmlPartOf(raw!))!);
    freezeClock(new Date("2026-03-01T10:00:00Z"));
    const first = await open(pixel);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("image/gif");
    expect(first.headers.get("cache-control")).toContain("no-store");
    const gif = Buffer.from(await first.arrayBuffer());
    expect(gif.subarray(0, 6).toString("latin1")).toBe("GIF89a");
    freezeClock(new Date("2026-03-01T10:00:30Z"));
    expect((await open(pixel)).status).toBe(200);
    freezeClock(new Date("2026-03-01T10:05:00Z"));
    expect((await open(pixel)).status).toBe(200);
    const events = await eventsOf(entry.id);
    expect(events.map((event) => [event.type, event.occurredAt.toISOString()])).toEqual([
      ["opened", "2026-03-01T10:00:00.000Z"],
      ["opened", "2026-03-01T10:05:00.000Z"],
    ]);
    expect((await logRow(entry.id)).openedAt).toEqual(new Date("2026-03-01T10:00:00Z"));
  });

  it("is a 404 that records nothing for a changed token, a token of another purpose, or none of ours", async () => {
    const { entry, raw } = await send("offer");
    const html = htmlPartOf(raw!);
    const pixel = tokenIn(pixelUrlOf(html)!);
    for (const token of [tamper(pixel), tokenIn(clickUrlsOf(html)[0]!), "abc", "a".repeat(600)]) {
      const response = await open(token);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toContain("text/html");
    }
    expect(await eventsOf(entry.id)).toEqual([]);
    expect((await logRow(entry.id)).openedAt).toBeNull();
  });
});

// Loads at once need two connections: an embedded PGlite runs one transaction at a time. CI runs the suite on
// Postgres (DATABASE_URL).
describe.skipIf(!process.env.DATABASE_URL)("loads of one email at the same moment", () => {
  it("count one open and one click of a link, as loads a moment apart do", async () => {
    const { entry, raw } = await send("offer");
    const html = htmlPartOf(raw!);
    const pixel = tokenIn(pixelUrlOf(html)!);
    const offer = tokenIn(clickUrlsOf(html)[0]!);
    freezeClock(new Date("2026-03-03T08:00:00Z"));
    const answers = await Promise.all([
      ...Array.from({ length: 4 }, () => open(pixel)),
      ...Array.from({ length: 4 }, () => click(offer)),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([
      200, 200, 200, 200, 302, 302, 302, 302,
    ]);
    const events = await eventsOf(entry.id);
    expect(events.map((event) => [event.type, event.detail]).sort()).toEqual([
      ["clicked", OFFER],
      ["opened", null],
    ]);
  });
});

describe("a tracked click", () => {
  it("redirects to the link of the email as sent and records it; a click is an open too", async () => {
    const { entry, raw } = await send("offer");
    const [offer, guide] = clickUrlsOf(htmlPartOf(raw!)).map(tokenIn);
    freezeClock(new Date("2026-03-02T09:00:00Z"));
    const response = await click(offer!);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(OFFER);
    expect(response.headers.get("cache-control")).toContain("no-store");
    freezeClock(new Date("2026-03-02T09:00:10Z"));
    expect((await click(offer!)).headers.get("location")).toBe(OFFER);
    expect((await click(guide!)).headers.get("location")).toBe(GUIDE);
    const events = await eventsOf(entry.id);
    // The repeat of the same link within a minute is one click; the other link is its own.
    expect(events.map((event) => [event.type, event.detail])).toEqual([
      ["clicked", OFFER],
      ["clicked", GUIDE],
    ]);
    const row = await logRow(entry.id);
    expect(row.clickedAt).toEqual(new Date("2026-03-02T09:00:00Z"));
    expect(row.openedAt).toEqual(new Date("2026-03-02T09:00:00Z"));
  });

  it("refuses a changed token, an index the email has no link for, and an untracked email: 404, no Location", async () => {
    const tracked = await send("offer");
    const untracked = await send("receipt");
    const [offer] = clickUrlsOf(htmlPartOf(tracked.raw!)).map(tokenIn);
    const refused = [
      tamper(offer!),
      `${offer!}x`,
      offer!.slice(0, -2),
      // Sealed by us, but the email has only links 0 and 1.
      sealEmailToken("click", { e: tracked.entry.id, l: 2 }),
      sealEmailToken("click", { e: tracked.entry.id, l: 99_999_999 }),
      // An email sent without tracking has no links a click could lead to.
      sealEmailToken("click", { e: untracked.entry.id, l: 0 }),
      // No such email.
      sealEmailToken("click", { e: 2_000_000_000, l: 0 }),
      // The open pixel's token is no click token.
      sealEmailToken("open", { e: tracked.entry.id }),
    ];
    for (const token of refused) {
      const response = await click(token);
      expect(response.status, token).toBe(404);
      expect(response.headers.get("location")).toBeNull();
      expect(await response.text()).toContain("This link does not work");
    }
    expect(await eventsOf(tracked.entry.id)).toEqual([]);
    expect(await eventsOf(untracked.entry.id)).toEqual([]);
    const row = await logRow(tracked.entry.id);
    expect([row.clickedAt, row.openedAt]).toEqual([null, null]);
  });

  it("answers the refusal in the reader's language", async () => {
    const response = await clickRoute(
      new NextRequest("http://localhost/email/c/nope", {
        headers: { "accept-language": "sk-SK,sk;q=0.9" },
      }),
      { params: Promise.resolve({ token: "nope" }) },
    );
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Tento odkaz nefunguje");
  });
});

describe("email stats", () => {
  it("count what each email node and each template did: sent, skipped by reason, opened, clicked", async () => {
    const scenarioId = 900_000 + Math.floor(Math.random() * 1000);
    const node = (nodeId: string) => ({ scenario: { scenarioId, nodeId } });
    const [news] = await db().select().from(emailTopics).where(eq(emailTopics.code, "news"));
    freezeClock(new Date("2026-03-03T07:00:00Z"));
    // Five readers for node email_a: three get it, one left the topic, one address is suppressed.
    const readers = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        createUser(db(), { email: uniqueEmail(`stats${i}`), name: `Stats ${i}` }),
      ),
    );
    await db().insert(userEmailPreferences).values({
      userId: readers[3]!.id,
      topicId: news!.id,
      subscribed: false,
      source: "preferences",
    });
    await db()
      .insert(emailSuppressions)
      .values({ address: readers[4]!.email.toLowerCase(), reason: "hard_bounce" });
    const sent: Awaited<ReturnType<typeof send>>[] = [];
    for (const reader of readers)
      sent.push(await send("offer", { userId: reader.id, ...node("email_a") }));
    expect(sent.map((result) => result.entry.status)).toEqual([
      "sent",
      "sent",
      "sent",
      "skipped",
      "skipped",
    ]);
    expect(sent.map((result) => result.entry.skipReason)).toEqual([
      null,
      null,
      null,
      "unsubscribed",
      "suppressed",
    ]);
    // Reader 0 opens twice (one email opened), reader 1 opens, reader 2 clicks without loading the pixel.
    freezeClock(new Date("2026-03-03T08:00:00Z"));
    const pixelOf = (i: number) => tokenIn(pixelUrlOf(htmlPartOf(sent[i]!.raw!))!);
    expect((await open(pixelOf(0))).status).toBe(200);
    freezeClock(new Date("2026-03-03T09:00:00Z"));
    expect((await open(pixelOf(0))).status).toBe(200);
    expect((await open(pixelOf(1))).status).toBe(200);
    const clickOf = (i: number) => tokenIn(clickUrlsOf(htmlPartOf(sent[i]!.raw!))[1]!);
    expect((await click(clickOf(2))).status).toBe(302);
    // Later, node email_b sends the transactional receipt once (untracked), and the offer goes out once outside any
    // scenario.
    freezeClock(new Date("2026-03-03T10:00:00Z"));
    await send("receipt", { userId: readers[0]!.id, ...node("email_b") });
    await send("offer", { userId: readers[1]!.id });

    const expected = (changes: Partial<EmailStats>): EmailStats => ({
      ...emptyEmailStats(),
      ...changes,
    });
    const byNode = await loadScenarioEmailStats(db(), { scenarioId });
    expect(byNode).toEqual({
      email_a: expected({
        sent: 3,
        tracked: 3,
        skipped: 2,
        skippedByReason: { unsubscribed: 1, suppressed: 1, frequency_cap: 0, quiet_hours: 0 },
        opened: 3,
        clicked: 1,
      }),
      email_b: expected({ sent: 1 }),
    });
    // Only emails logged from a moment on.
    expect(await loadScenarioEmailStats(db(), { scenarioId, since: now() })).toEqual({
      email_b: expected({ sent: 1 }),
    });

    const byTemplate = await loadTemplateEmailStats(db(), {
      codes: ["offer", "receipt", "nothing"],
    });
    const offerRows = await db().select().from(emailLog).where(eq(emailLog.templateCode, "offer"));
    const count = (test: (row: (typeof offerRows)[number]) => boolean) =>
      offerRows.filter(test).length;
    // Every offer this file sent, counted independently from the rows.
    expect(byTemplate.offer).toMatchObject({
      sent: count((row) => row.status === "sent"),
      tracked: count((row) => row.status === "sent" && row.links !== null),
      skipped: count((row) => row.status === "skipped"),
      opened: count((row) => row.openedAt !== null),
      clicked: count((row) => row.clickedAt !== null),
    });
    expect(byTemplate.offer!.sent).toBeGreaterThanOrEqual(4);
    expect(byTemplate.receipt!.tracked).toBe(0);
    expect(byTemplate.nothing).toBeUndefined();
    const opens = await db()
      .select()
      .from(emailEvents)
      .where(and(eq(emailEvents.emailLogId, sent[0]!.entry.id), eq(emailEvents.type, "opened")));
    expect(opens).toHaveLength(2);
  });
});
