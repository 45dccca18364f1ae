import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/users/me/payments/route";
import { addDays, freezeClock } from "@/lib/clock";
import { recordRefund } from "@/lib/payments/record-refund";
import { openTestDatabase } from "../../support/test-database";
import { call, createTokens, itRefusesBadRequests, type Tokens } from "../api/api-test-kit";
import { createUnpaid, payNew, seedReceiptCatalog } from "./receipt-fixtures";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let owner: Tokens;
let other: Tokens;
const ids: { paid: number; refunded: number; unpaid: number } = { paid: 0, refunded: 0, unpaid: 0 };
const start = new Date("2026-02-01T09:00:00Z");

beforeAll(async () => {
  database = await openTestDatabase();
  await seedReceiptCatalog(database.db);
  owner = await createTokens(database.db, null);
  other = await createTokens(database.db, null);
  freezeClock(start);
  ids.refunded = (await payNew(database.db, owner.userId)).id;
  freezeClock(addDays(start, 1));
  await recordRefund(database.db, { paymentId: ids.refunded });
  ids.paid = (await payNew(database.db, owner.userId)).id;
  freezeClock(addDays(start, 2));
  ids.unpaid = (await createUnpaid(database.db, owner.userId)).id;
  await payNew(database.db, other.userId);
});
afterAll(() => database.close());

describe("GET /api/v1/users/me/payments", () => {
  it("lists only the user's payments, newest first, with items, numbers and download links", async () => {
    const result = await call(listRoute, "GET", "/users/me/payments", { token: owner.user });
    expect(result.status).toBe(200);
    expect(result.json.total).toBe(3);
    expect(result.json.payments.map((p: { id: number }) => p.id)).toEqual([
      ids.unpaid,
      ids.paid,
      ids.refunded,
    ]);
    const [unpaid, paid, refunded] = result.json.payments;
    expect(unpaid).toMatchObject({
      status: "form",
      amount_cents: 499,
      paid_at: null,
      receipt_number: null,
      credit_note_number: null,
      receipt_url: null,
      credit_note_url: null,
      items: [{ name: "Web monthly", count: 1, amount_cents: 499 }],
    });
    expect(paid).toMatchObject({
      status: "paid",
      receipt_number: "2026-000002",
      credit_note_number: null,
      credit_note_url: null,
    });
    expect(paid.receipt_url).toMatch(new RegExp(`/api/v1/payments/${ids.paid}/receipt\\.pdf$`));
    expect(refunded).toMatchObject({
      status: "refund",
      receipt_number: "2026-000001",
      credit_note_number: "CN-2026-000001",
      paid_at: start.toISOString(),
      refunded_at: addDays(start, 1).toISOString(),
    });
    expect(refunded.credit_note_url).toMatch(
      new RegExp(`/api/v1/payments/${ids.refunded}/receipt\\.pdf\\?document=credit_note$`),
    );
  });

  it("pages with limit and offset", async () => {
    const page = await call(listRoute, "GET", "/users/me/payments", {
      token: owner.user,
      query: { limit: "2", offset: "1" },
    });
    expect(page.json.total).toBe(3);
    expect(page.json.payments.map((p: { id: number }) => p.id)).toEqual([ids.paid, ids.refunded]);
    const bad = await call(listRoute, "GET", "/users/me/payments", {
      token: owner.user,
      query: { limit: "0" },
    });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: "validation_error" });
  });

  itRefusesBadRequests({
    db: () => database.db,
    tokens: () => owner,
    handler: listRoute,
    method: "GET",
    path: "/users/me/payments",
    auth: "user",
  });
});
