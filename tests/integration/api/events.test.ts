import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createRoute } from "@/app/api/v1/events/route";
import { eventResponseSchema } from "@/lib/api/operations/events";
import { events } from "@/lib/db/schema";
import { createUser } from "@/lib/users/create-user";
import { openTestDatabase } from "../../support/test-database";
import { call, countRows, createTokens, itRefusesBadRequests, type Tokens } from "./api-test-kit";

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
