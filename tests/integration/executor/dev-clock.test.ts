import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { now } from "@/lib/clock";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { openTestDatabase } from "../../support/test-database";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

function post(token: string | null, body: unknown) {
  return new NextRequest("http://localhost/api/dev/clock", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
}

describe("POST /api/dev/clock", () => {
  it("moves the clock for an API token with the dev scope, and refuses others and bad input", async () => {
    process.env.SUBFLOW_LOCAL_EXECUTOR = "1";
    const { POST } = await import("@/app/api/dev/clock/route");
    const dev = await createApiToken(database.db, { name: "dev", scopes: ["dev"] });
    const other = await createApiToken(database.db, { name: "other", scopes: ["users:write"] });
    const before = now().getTime();
    const response = await POST(post(dev.token, { advance_minutes: 4320 }));
    expect(response.status).toBe(200);
    const moved = new Date(((await response.json()) as { now: string }).now).getTime();
    expect(moved - before).toBeGreaterThanOrEqual(4320 * 60_000);
    expect((await POST(post(other.token, { advance_minutes: 1 }))).status).toBe(403);
    const bad = await POST(post(dev.token, { advance_minutes: -5 }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: "validation_error" });
  });

  it("does not exist without the local executor (production)", async () => {
    process.env.SUBFLOW_LOCAL_EXECUTOR = "0";
    const { POST } = await import("@/app/api/dev/clock/route");
    const dev = await createApiToken(database.db, { name: "dev2", scopes: ["dev"] });
    const response = await POST(post(dev.token, { advance_minutes: 1 }));
    expect(response.status).toBe(404);
    delete process.env.SUBFLOW_LOCAL_EXECUTOR;
  });
});
