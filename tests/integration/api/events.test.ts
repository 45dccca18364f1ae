import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createRoute } from "@/app/api/v1/events/route";
import { eventResponseSchema } from "@/lib/api/operations/events";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { events } from "@/lib/db/schema";
import { createUser } from "@/lib/users/create-user";
import { openTestDatabase } from "../../support/test-database";
import {
  call,
  countRows,
  createTokens,
  expectRefusedWithoutChange,
  itRefusesBadRequests,
  type Tokens,
} from "./api-test-kit";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let tokens: Tokens;
let customerId: number;
const db = () => database.db;

beforeAll(async () => {
  database = await openTestDatabase();
  tokens = await createTokens(database.db, "events:write");
  customerId = (await createUser(database.db, { email: "customer@example.com" })).id;
});
afterAll(() => database.close());

const validBody = () => ({ name: "custom.newsletter_opened", user_id: customerId });
const post = (body: unknown) => call(createRoute, "POST", "/events", { token: tokens.api, body });

describe("POST /api/v1/events", () => {
  it("records a custom event in the outbox (202)", async () => {
    const result = await post({ ...validBody(), payload: { issue: 42, tags: ["a"] } });
    expect(result.status).toBe(202);
    expect(eventResponseSchema.parse(result.json)).toEqual(result.json);
    expect(result.json.event).toMatchObject({ name: "custom.newsletter_opened", accepted: true });
    const [row] = await db().select().from(events).where(eq(events.id, result.json.event.id));
    expect(row).toMatchObject({
      name: "custom.newsletter_opened",
      userId: customerId,
      payload: { issue: 42, tags: ["a"] },
      sentAt: null,
    });
  });

  it("accepts events without an id every time", async () => {
    const before = await countRows(db());
    const first = await post(validBody());
    const second = await post(validBody());
    expect([first.json.event.accepted, second.json.event.accepted]).toEqual([true, true]);
    expect((await countRows(db())).events).toBe(before.events! + 2);
  });

  it("accepts the same id once; a replay reports the first event", async () => {
    const body = { ...validBody(), id: "click-7f3a" };
    const first = await post(body);
    const before = await countRows(db());
    const replay = await post(body);
    expect(replay.status).toBe(202);
    expect(replay.json.event).toEqual({
      id: first.json.event.id,
      name: "custom.newsletter_opened",
      accepted: false,
    });
    expect(await countRows(db())).toEqual(before);
  });

  it("lets two tokens use the same id independently", async () => {
    const other = await createApiToken(db(), { name: "second sender", scopes: ["events:write"] });
    const otherUser = await createUser(db(), { email: "other-user@example.com" });
    const mine = await post({ ...validBody(), id: "shared-id-1" });
    // The same id, about another user and with another name: a conflict only if one token had sent both.
    const theirs = await call(createRoute, "POST", "/events", {
      token: other.token,
      body: { name: "custom.signup", user_id: otherUser.id, id: "shared-id-1" },
    });
    expect([mine.status, theirs.status]).toEqual([202, 202]);
    expect([mine.json.event.accepted, theirs.json.event.accepted]).toEqual([true, true]);
    expect(theirs.json.event.id).not.toBe(mine.json.event.id);
    // Each token replays its own event.
    const replay = await call(createRoute, "POST", "/events", {
      token: other.token,
      body: { name: "custom.signup", user_id: otherUser.id, id: "shared-id-1" },
    });
    expect(replay.json.event).toEqual({ ...theirs.json.event, accepted: false });
  });

  it("refuses an id reused for another user (409 event_id_conflict), recording nothing", async () => {
    const otherUser = await createUser(db(), { email: "someone-else@example.com" });
    await post({ ...validBody(), id: "reused-user" });
    const refused = await expectRefusedWithoutChange(
      db(),
      () => post({ ...validBody(), id: "reused-user", user_id: otherUser.id }),
      { status: 409, error: "event_id_conflict" },
    );
    expect(refused.json.message).toBe(
      `The id "reused-user" was already used by this token for custom.newsletter_opened about user ${customerId}; send a new id for a different event.`,
    );
  });

  it("refuses an id reused for another event name (409 event_id_conflict), recording nothing", async () => {
    await post({ ...validBody(), id: "reused-name" });
    const refused = await expectRefusedWithoutChange(
      db(),
      () => post({ ...validBody(), id: "reused-name", name: "custom.newsletter_closed" }),
      { status: 409, error: "event_id_conflict" },
    );
    expect(refused.json.message).toMatch(
      /already used by this token for custom\.newsletter_opened/,
    );
  });

  it("replays an id whose payload changed: the id names the event, the first payload stays", async () => {
    const first = await post({ ...validBody(), id: "payload-v1", payload: { v: 1 } });
    const replay = await post({ ...validBody(), id: "payload-v1", payload: { v: 2 } });
    expect(replay.json.event).toEqual({ ...first.json.event, accepted: false });
    const [row] = await db().select().from(events).where(eq(events.id, first.json.event.id));
    expect(row!.payload).toEqual({ v: 1 });
  });

  it("does not hold an id recorded before ids were per token against any token", async () => {
    // Rows from the global form keep their key `api:<id>`; the id is free again for every token.
    await db().insert(events).values({
      name: "custom.newsletter_opened",
      userId: customerId,
      payload: {},
      dedupeKey: "api:legacy-7",
      occurredAt: new Date(),
    });
    const result = await post({ ...validBody(), id: "legacy-7" });
    expect(result.status).toBe(202);
    expect(result.json.event.accepted).toBe(true);
  });

  it("accepts one of concurrent events with the same id", async () => {
    const before = await countRows(db());
    const results = await Promise.all(
      Array.from({ length: 8 }, () => post({ ...validBody(), id: "burst-1" })),
    );
    expect(results.every((r) => r.status === 202)).toBe(true);
    expect(results.filter((r) => r.json.event.accepted)).toHaveLength(1);
    expect(new Set(results.map((r) => r.json.event.id)).size).toBe(1);
    expect((await countRows(db())).events).toBe(before.events! + 1);
  });

  it("accepts one of concurrent events that share an id but not a name; the others conflict", async () => {
    const before = await countRows(db());
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        post({ ...validBody(), id: "burst-2", name: `custom.burst_${i}` }),
      ),
    );
    expect(results.filter((r) => r.status === 202)).toHaveLength(1);
    expect(
      results.filter((r) => r.status === 409 && r.json.error === "event_id_conflict"),
    ).toHaveLength(5);
    expect((await countRows(db())).events).toBe(before.events! + 1);
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: createRoute,
    method: "POST",
    path: "/events",
    auth: "api",
    validBody,
    invalidBodies: [
      {
        name: "an unknown user",
        body: () => ({ ...validBody(), user_id: 999_999 }),
        error: "user_not_found",
      },
      {
        name: "a domain event name",
        body: () => ({ ...validBody(), name: "payment.paid" }),
        error: "validation_error",
      },
      {
        name: "a bare custom prefix",
        body: () => ({ ...validBody(), name: "custom." }),
        error: "validation_error",
      },
      {
        name: "an uppercase name",
        body: () => ({ ...validBody(), name: "custom.Opened" }),
        error: "validation_error",
      },
      {
        name: "a missing user",
        body: () => ({ name: "custom.opened" }),
        error: "validation_error",
      },
      {
        name: "an array payload",
        body: () => ({ ...validBody(), payload: [1, 2] }),
        error: "validation_error",
      },
      {
        name: "an oversized payload",
        body: () => ({ ...validBody(), payload: { blob: "x".repeat(20_000) } }),
        error: "validation_error",
      },
      {
        name: "a NUL character in the payload",
        body: () => ({ ...validBody(), payload: { a: "x\u0000" } }),
        error: "invalid_body",
      },
      {
        name: "an unpaired surrogate in the payload",
        body: () => ({ ...validBody(), payload: { a: "\ud800" } }),
        error: "invalid_body",
      },
      {
        name: "a NUL character in the id",
        body: () => ({ ...validBody(), id: "a\u0000" }),
        error: "invalid_body",
      },
      { name: "an empty id", body: () => ({ ...validBody(), id: "" }), error: "validation_error" },
    ],
  });
});
