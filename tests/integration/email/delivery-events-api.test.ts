import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as liftRoute } from "@/app/api/v1/email-suppressions/[id]/lift/route";
import {
  GET as listSuppressionsRoute,
  POST as addSuppressionRoute,
} from "@/app/api/v1/email-suppressions/route";
import { POST as eventsRoute } from "@/app/api/v1/email-events/route";
import { GET as emailLogRoute } from "@/app/api/v1/users/[id]/email-log/route";
import {
  emailEventResultSchema,
  emailSuppressionListSchema,
  emailSuppressionResultSchema,
} from "@/lib/api/operations/email";
import { auditLog, emailEvents, emailLog, emailSuppressions, emailTopics } from "@/lib/db/schema";
import { userEmailLogJsonSchema } from "@/lib/email/email-timeline-json";
import { sendEmail } from "@/lib/email/send-email";
import type { EmailTransport } from "@/lib/email/transport";
import { createUser } from "@/lib/users/create-user";
import { openTestDatabase } from "../../support/test-database";
import {
  call,
  createTokens,
  expectRefusedWithoutChange,
  itRefusesBadRequests,
  withParams,
  type Tokens,
} from "../api/api-test-kit";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;
let tokens: Tokens;
let newsTopicId: number;

const sent: string[] = [];
const transport: EmailTransport = {
  name: "counting",
  async send(email) {
    sent.push(`${email.to}: ${email.subject}`);
    return { messageId: `<${sent.length}@counting.test>` };
  },
};

let sequence = 0;
/** A marketing email of the news topic, or a transactional one (no topic), to the address. */
async function send(to: string, kind: "marketing" | "transactional", userId: number | null = null) {
  const { entry } = await sendEmail(
    db(),
    {
      idempotencyKey: `delivery-events-${++sequence}`,
      to,
      userId,
      templateCode: kind === "marketing" ? "newsletter" : "receipt",
      subject: `${kind} ${sequence}`,
      html: "<p>Hello</p>",
      text: "Hello",
      topic: kind === "marketing" ? { id: newsTopicId, transactional: false } : undefined,
    },
    { transport },
  );
  return entry;
}

const postEvent = (body: unknown, token = tokens.api) =>
  call(eventsRoute, "POST", "/email-events", { token, body });

/** Rows of the two tables these routes write (the API test kit's counts do not cover them). */
async function emailRowCounts() {
  const [events] = await db().select({ n: count() }).from(emailEvents);
  const [suppressions] = await db().select({ n: count() }).from(emailSuppressions);
  return { events: events!.n, suppressions: suppressions!.n };
}

const activeSuppressions = (address: string) =>
  db().select().from(emailSuppressions).where(eq(emailSuppressions.address, address));

beforeAll(async () => {
  database = await openTestDatabase();
  tokens = await createTokens(database.db, "email");
  const [news] = await db().select().from(emailTopics).where(eq(emailTopics.code, "news"));
  newsTopicId = news!.id;
});
afterAll(() => database.close());

describe("POST /api/v1/email-events", () => {
  it("records a delivery on the email its Message-ID names, once", async () => {
    const email = await send("delivered@example.com", "marketing");
    const result = await postEvent({
      message_id: `<${email.messageId}>`,
      type: "delivered",
      occurred_at: "2026-03-01T10:00:00+01:00",
    });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(emailEventResultSchema.parse(result.json)).toEqual(result.json);
    expect(result.json.event).toMatchObject({
      email_log_id: email.id,
      recorded: true,
      suppressed: false,
    });
    const [row] = await db().select().from(emailLog).where(eq(emailLog.id, email.id));
    expect(row!.deliveredAt).toEqual(new Date("2026-03-01T09:00:00Z"));

    // The same event again (no id: the email, type and moment name it) changes nothing.
    const before = await emailRowCounts();
    const again = await postEvent({
      message_id: email.messageId,
      type: "delivered",
      occurred_at: "2026-03-01T09:00:00Z",
    });
    expect(again.json.event).toMatchObject({ id: result.json.event.id, recorded: false });
    expect(await emailRowCounts()).toEqual(before);

    // An earlier delivery report (out of order) moves the first-delivery time back; a later one does not move it.
    await postEvent({
      message_id: email.messageId,
      type: "delivered",
      occurred_at: "2026-03-01T08:00:00Z",
    });
    await postEvent({
      message_id: email.messageId,
      type: "delivered",
      occurred_at: "2026-03-02T08:00:00Z",
    });
    const [after] = await db().select().from(emailLog).where(eq(emailLog.id, email.id));
    expect(after!.deliveredAt).toEqual(new Date("2026-03-01T08:00:00Z"));
  });

  it("records an event with the sender's id once, whatever else a replay says", async () => {
    const email = await send("ids@example.com", "marketing");
    const body = {
      id: "evt-1",
      message_id: email.messageId,
      type: "deferred",
      occurred_at: "2026-03-01T09:00:00Z",
    };
    const first = await postEvent(body);
    const replay = await postEvent({ ...body, occurred_at: "2026-03-01T09:05:00Z" });
    expect(first.json.event.recorded).toBe(true);
    expect(replay.json.event).toMatchObject({ id: first.json.event.id, recorded: false });
    const events = await db()
      .select()
      .from(emailEvents)
      .where(eq(emailEvents.emailLogId, email.id));
    expect(events.map((e) => e.type)).toEqual(["deferred"]);
  });

  it("suppresses the address on a hard bounce: marketing mail is skipped, transactional mail still goes", async () => {
    const user = await createUser(db(), { email: "Bouncing.Reader@Example.com" });
    const email = await send(user.email, "marketing", user.id);
    expect(email.status).toBe("sent");
    const result = await postEvent({
      message_id: email.messageId,
      type: "bounced",
      bounce_type: "hard",
      occurred_at: "2026-03-01T09:00:00Z",
      detail: "550 5.1.1 user unknown",
    });
    expect(result.json.event).toMatchObject({ recorded: true, suppressed: true });
    const [row] = await db().select().from(emailLog).where(eq(emailLog.id, email.id));
    expect(row!.bouncedAt).toEqual(new Date("2026-03-01T09:00:00Z"));
    expect(await activeSuppressions("bouncing.reader@example.com")).toMatchObject([
      {
        reason: "hard_bounce",
        emailLogId: email.id,
        liftedAt: null,
        detail: "550 5.1.1 user unknown",
      },
    ]);

    const sentBefore = sent.length;
    const marketing = await send(user.email, "marketing", user.id);
    expect(marketing).toMatchObject({ status: "skipped", skipReason: "suppressed" });
    const transactional = await send(user.email, "transactional", user.id);
    expect(transactional.status).toBe("sent");
    expect(sent.slice(sentBefore)).toEqual([`${user.email}: transactional ${sequence}`]);

    // A second hard bounce keeps the one active suppression.
    const second = await postEvent({
      message_id: transactional.messageId,
      type: "bounced",
      bounce_type: "hard",
      occurred_at: "2026-03-02T09:00:00Z",
    });
    expect(second.json.event).toMatchObject({ recorded: true, suppressed: false });
    expect(await activeSuppressions("bouncing.reader@example.com")).toHaveLength(1);
  });

  it("suppresses on a complaint; a soft bounce and a deferral never suppress", async () => {
    const soft = await send("soft@example.com", "marketing");
    const softResult = await postEvent({
      message_id: soft.messageId,
      type: "bounced",
      bounce_type: "soft",
      occurred_at: "2026-03-01T09:00:00Z",
    });
    await postEvent({
      message_id: soft.messageId,
      type: "deferred",
      occurred_at: "2026-03-01T08:00:00Z",
    });
    expect(softResult.json.event).toMatchObject({ recorded: true, suppressed: false });
    expect(await activeSuppressions("soft@example.com")).toEqual([]);
    expect((await send("soft@example.com", "marketing")).status).toBe("sent");

    const complained = await send("complainer@example.com", "marketing");
    const result = await postEvent({
      message_id: complained.messageId,
      type: "complained",
      occurred_at: "2026-03-01T09:00:00Z",
    });
    expect(result.json.event).toMatchObject({ suppressed: true });
    const [row] = await db().select().from(emailLog).where(eq(emailLog.id, complained.id));
    expect(row!.complainedAt).toEqual(new Date("2026-03-01T09:00:00Z"));
    expect(await activeSuppressions("complainer@example.com")).toMatchObject([
      { reason: "complaint" },
    ]);
    expect((await send("complainer@example.com", "marketing")).skipReason).toBe("suppressed");
  });

  it("answers an unknown Message-ID with 404 email_not_found and records nothing", async () => {
    const before = await emailRowCounts();
    await expectRefusedWithoutChange(
      db(),
      () =>
        postEvent({
          message_id: "nobody@nowhere.test",
          type: "delivered",
          occurred_at: "2026-03-01T09:00:00Z",
        }),
      { status: 404, error: "email_not_found" },
    );
    expect(await emailRowCounts()).toEqual(before);
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: eventsRoute,
    method: "POST",
    path: "/email-events",
    auth: "api",
    validBody: () => ({
      message_id: "nobody@nowhere.test",
      type: "delivered",
      occurred_at: "2026-03-01T09:00:00Z",
    }),
    invalidBodies: [
      {
        name: "a bounce without its bounce_type",
        body: () => ({
          message_id: "a@b.test",
          type: "bounced",
          occurred_at: "2026-03-01T09:00:00Z",
        }),
        error: "validation_error",
      },
      {
        name: "a bounce_type on a delivery",
        body: () => ({
          message_id: "a@b.test",
          type: "delivered",
          bounce_type: "hard",
          occurred_at: "2026-03-01T09:00:00Z",
        }),
        error: "validation_error",
      },
      {
        name: "an unknown type",
        body: () => ({
          message_id: "a@b.test",
          type: "opened",
          occurred_at: "2026-03-01T09:00:00Z",
        }),
        error: "validation_error",
      },
      {
        name: "a time without an offset",
        body: () => ({
          message_id: "a@b.test",
          type: "delivered",
          occurred_at: "2026-03-01 09:00",
        }),
        error: "validation_error",
      },
      {
        name: "a Message-ID with spaces",
        body: () => ({
          message_id: "<a b@c.test>",
          type: "delivered",
          occurred_at: "2026-03-01T09:00:00Z",
        }),
        error: "validation_error",
      },
    ],
  });
});

describe("email suppressions API", () => {
  const lift = (id: number | string, token = tokens.api) =>
    call(withParams(liftRoute, { id }), "POST", `/email-suppressions/${id}/lift`, { token });

  it("lifts a suppression: the address gets marketing mail again, the history stays, the audit log names the token", async () => {
    const email = await send("lift.me@example.com", "marketing");
    await postEvent({
      message_id: email.messageId,
      type: "bounced",
      bounce_type: "hard",
      occurred_at: "2026-03-01T09:00:00Z",
    });
    expect((await send("lift.me@example.com", "marketing")).skipReason).toBe("suppressed");

    const listed = await call(listSuppressionsRoute, "GET", "/email-suppressions", {
      token: tokens.api,
      query: { address: "LIFT.ME@example.com" },
    });
    expect(listed.status).toBe(200);
    expect(emailSuppressionListSchema.parse(listed.json)).toEqual(listed.json);
    expect(listed.json).toMatchObject({
      suppressed: true,
      suppressions: [{ reason: "hard_bounce", active: true }],
    });
    const id = listed.json.suppressions[0].id as number;

    const lifted = await lift(id);
    expect(lifted.status).toBe(200);
    expect(emailSuppressionResultSchema.parse(lifted.json)).toEqual(lifted.json);
    expect(lifted.json.suppression).toMatchObject({
      id,
      active: false,
      lifted_at: expect.any(String),
    });
    expect((await send("lift.me@example.com", "marketing")).status).toBe("sent");
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "email_suppressions"), eq(auditLog.entityId, String(id))));
    expect(audit).toMatchObject([
      { operation: "update", actorLabel: expect.stringMatching(/^token /) },
    ]);

    // Lifted twice: nothing active to lift.
    await expectRefusedWithoutChange(db(), () => lift(id), {
      status: 404,
      error: "email_suppression_not_found",
    });
    await expectRefusedWithoutChange(db(), () => lift("x1"), {
      status: 404,
      error: "email_suppression_not_found",
    });

    // A new hard bounce suppresses the address anew; the lifted row stays in its history.
    const again = await send("lift.me@example.com", "marketing");
    await postEvent({
      message_id: again.messageId,
      type: "bounced",
      bounce_type: "hard",
      occurred_at: "2026-03-03T09:00:00Z",
    });
    const history = await call(listSuppressionsRoute, "GET", "/email-suppressions", {
      token: tokens.api,
      query: { address: "lift.me@example.com" },
    });
    expect(history.json.suppressions.map((s: { active: boolean }) => s.active)).toEqual([
      true,
      false,
    ]);
  });

  it("adds a manual suppression once; a second is 409", async () => {
    const add = () =>
      call(addSuppressionRoute, "POST", "/email-suppressions", {
        token: tokens.api,
        body: { address: " Manual@Example.com ", detail: "asked by phone" },
      });
    const first = await add();
    expect(first.status).toBe(201);
    expect(first.json.suppression).toMatchObject({
      address: "manual@example.com",
      reason: "manual",
      active: true,
    });
    expect((await send("manual@example.com", "marketing")).skipReason).toBe("suppressed");
    await expectRefusedWithoutChange(db(), add, {
      status: 409,
      error: "address_already_suppressed",
    });
  });

  it("refuses a token without the email scope and a bad address", async () => {
    await expectRefusedWithoutChange(
      db(),
      () =>
        call(addSuppressionRoute, "POST", "/email-suppressions", {
          token: tokens.otherScope,
          body: { address: "x@example.com" },
        }),
      { status: 403, error: "insufficient_scope" },
    );
    const bad = await call(listSuppressionsRoute, "GET", "/email-suppressions", {
      token: tokens.api,
      query: { address: "not-an-address" },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toBe("validation_error");
  });
});

describe("GET /api/v1/users/{id}/email-log", () => {
  it("lists the user's emails newest first, skipped ones with the reason, each with its events", async () => {
    const user = await createUser(db(), { email: "timeline@example.com" });
    const first = await send(user.email, "marketing", user.id);
    await postEvent({
      message_id: first.messageId,
      type: "delivered",
      occurred_at: "2026-03-01T09:00:00Z",
    });
    await postEvent({
      message_id: first.messageId,
      type: "complained",
      occurred_at: "2026-03-01T10:00:00Z",
    });
    const skipped = await send(user.email, "marketing", user.id);
    const receipt = await send(user.email, "transactional", user.id);

    const route = withParams(emailLogRoute, { id: user.id });
    const result = await call(route, "GET", `/users/${user.id}/email-log`, { token: tokens.api });
    expect(result.status).toBe(200);
    expect(userEmailLogJsonSchema.parse(result.json)).toEqual(result.json);
    expect(result.json.total).toBe(3);
    expect(result.json.emails.map((e: { id: number }) => e.id)).toEqual([
      receipt.id,
      skipped.id,
      first.id,
    ]);
    expect(result.json.emails[1]).toMatchObject({
      status: "skipped",
      skip_reason: "suppressed",
      topic: { code: "news" },
    });
    expect(result.json.emails[0]).toMatchObject({
      status: "sent",
      marketing: false,
      topic: { code: "account" },
    });
    expect(result.json.emails[2]).toMatchObject({
      delivered_at: "2026-03-01T09:00:00.000Z",
      complained_at: "2026-03-01T10:00:00.000Z",
      events: [{ type: "delivered" }, { type: "complained" }],
    });

    const paged = await call(route, "GET", `/users/${user.id}/email-log`, {
      token: tokens.api,
      query: { limit: "1", offset: "1" },
    });
    expect(paged.json).toMatchObject({ total: 3, emails: [{ id: skipped.id }] });

    const missing = withParams(emailLogRoute, { id: 2_000_000_000 });
    await expectRefusedWithoutChange(
      db(),
      () => call(missing, "GET", "/users/2000000000/email-log", { token: tokens.api }),
      {
        status: 404,
        error: "user_not_found",
      },
    );
  });
});
