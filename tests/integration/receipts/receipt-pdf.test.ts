import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as customerReceiptRoute } from "@/app/(customer)/account/billing/receipts/[paymentId]/route";
import { GET as receiptRoute } from "@/app/api/v1/payments/[id]/receipt.pdf/route";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { freezeClock } from "@/lib/clock";
import { payments, users, type User } from "@/lib/db/schema";
import { markPaymentPaid } from "@/lib/payments/mark-payment-paid";
import { recordRefund } from "@/lib/payments/record-refund";
import { setSetting } from "@/lib/settings";
import { openTestDatabase } from "../../support/test-database";
import {
  createTokens,
  expectRefusedWithoutChange,
  itRefusesBadRequests,
  withParams,
  type Handler,
  type Tokens,
} from "../api/api-test-kit";
import { extractPdfText } from "../../support/pdf-text";
import {
  callForBytes,
  createCustomer,
  createUnpaid,
  payNew,
  seedReceiptCatalog,
  setAddress,
} from "./receipt-fixtures";

// The customer route reads the session through next-auth; here the signed-in user is whoever the test says.
const session = vi.hoisted(() => ({ user: null as User | null }));
vi.mock("@/lib/auth/session", () => ({
  requireUserPageView: async () => {
    if (!session.user) throw new Error("NEXT_REDIRECT to sign in");
    return { user: session.user, readOnly: false, billingShown: true };
  },
}));

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let owner: Tokens;
let stranger: Tokens;
let paidId: number;
let unpaidId: number;
let receiptNumber: string;

beforeAll(async () => {
  database = await openTestDatabase();
  await seedReceiptCatalog(database.db);
  owner = await createTokens(database.db, null);
  stranger = await createTokens(database.db, null);
  await setAddress(database.db, owner.userId, {
    name: "Ľubomír Čížik",
    addressLine1: "Žilinská 12",
    postalCode: "010 01",
    city: "Žilina",
    country: "SK",
  });
  await setSetting(database.db, "receipts.seller", {
    name: "Vydavateľstvo Žurnál s.r.o.",
    address_lines: ["Štúrova 3", "811 02 Bratislava"],
    vat_id: "SK2020123456",
    vat_rate_percent: 20,
  });
  freezeClock(new Date("2026-03-14T10:00:00Z"));
  // 4.99 with a 1.00 discount: 3.99 paid, of which VAT 20 % is round(399 · 20 / 120) = round(66.5) = 0.67.
  const payment = await createUnpaid(database.db, owner.userId);
  await database.db
    .update(payments)
    .set({
      amountCents: 399,
      gatewayReference: "demo_ref_777",
      meta: { discount_cents: 100, discount_code: "JAR" },
    })
    .where(eq(payments.id, payment.id));
  const paid = await markPaymentPaid(database.db, { paymentId: payment.id, actor: SYSTEM_ACTOR });
  paidId = paid.payment.id;
  receiptNumber = paid.payment.receiptNumber!;
  unpaidId = (await createUnpaid(database.db, owner.userId)).id;
});
afterAll(() => database.close());

const pathOf = (id: number | string) => `/api/v1/payments/${id}/receipt.pdf`;
const fetchReceipt = (
  id: number | string,
  token: string | undefined,
  query?: Record<string, string>,
) => callForBytes(withParams(receiptRoute, { id }), pathOf(id), { token, query });

describe("GET /api/v1/payments/:id/receipt.pdf", () => {
  it("sends the owner's receipt as a PDF download with what a receipt must say", async () => {
    const result = await fetchReceipt(paidId, owner.user);
    expect(result.status).toBe(200);
    expect(result.headers.get("content-type")).toBe("application/pdf");
    expect(result.headers.get("content-disposition")).toBe(
      `attachment; filename="receipt-${receiptNumber}.pdf"`,
    );
    expect(receiptNumber).toMatch(/^2026-\d{6}$/);
    expect(result.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = extractPdfText(result.body);
    for (const printed of [
      `Receipt ${receiptNumber}`,
      "Vydavateľstvo Žurnál s.r.o.",
      "Štúrova 3",
      "VAT ID: SK2020123456",
      "Date paid: 14 March 2026",
      "Ľubomír Čížik",
      "Žilinská 12",
      "010 01 Žilina",
      "Slovakia",
      "Web monthly",
      "€4.99",
      "Discount (JAR)",
      "-€1.00",
      "Total",
      "€3.99",
      "VAT 20 % included",
      "€0.67",
      "€3.32",
      `Payment #${paidId}`,
      "demo_ref_777",
    ]) {
      expect(text, printed).toContain(printed);
    }
    expect(text).not.toContain("Credit note");
  });

  it("sends a refunded payment's credit note, which cites the receipt it cancels; its receipt stays available", async () => {
    const before = await fetchReceipt(paidId, owner.user, { document: "credit_note" });
    expect(before.status).toBe(404);
    expect(before.json).toMatchObject({ error: "receipt_not_found" });

    freezeClock(new Date("2026-03-20T10:00:00Z"));
    // A later change of the seller settings does not alter documents of payments already paid.
    await setSetting(database.db, "receipts.seller", {
      name: "Renamed s.r.o.",
      address_lines: ["Elsewhere 1"],
      vat_id: null,
      vat_rate_percent: 10,
    });
    const refunded = await recordRefund(database.db, { paymentId: paidId });
    const result = await fetchReceipt(paidId, owner.user, { document: "credit_note" });
    expect(result.status).toBe(200);
    expect(result.headers.get("content-disposition")).toBe(
      `attachment; filename="credit-note-${refunded.creditNoteNumber}.pdf"`,
    );
    const text = extractPdfText(result.body);
    expect(text).toContain(`Credit note ${refunded.creditNoteNumber}`);
    expect(text).toContain(`Cancels receipt ${receiptNumber}`);
    expect(text).toContain("Date refunded: 20 March 2026");
    expect(text).toContain("-€3.99");
    expect(text).toContain("-€0.67");
    expect(text).toContain("Vydavateľstvo Žurnál s.r.o.");
    expect(text).not.toContain("Renamed s.r.o.");

    expect((await fetchReceipt(paidId, owner.user)).status).toBe(200);
  });

  it("answers 404 receipt_not_found for another user's payment, an unpaid one and an id that is not one", async () => {
    await expectRefusedWithoutChange(database.db, () => fetchReceipt(paidId, stranger.user), {
      status: 404,
      error: "receipt_not_found",
    });
    await expectRefusedWithoutChange(database.db, () => fetchReceipt(unpaidId, owner.user), {
      status: 404,
      error: "receipt_not_found",
    });
    await expectRefusedWithoutChange(database.db, () => fetchReceipt("abc", owner.user), {
      status: 404,
      error: "receipt_not_found",
    });
    const unpaidCreditNote = await fetchReceipt(unpaidId, owner.user, { document: "credit_note" });
    expect(unpaidCreditNote.status).toBe(404);
  });

  it("refuses an unknown document kind (400)", async () => {
    const result = await fetchReceipt(paidId, owner.user, { document: "invoice" });
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({ error: "validation_error" });
  });

  itRefusesBadRequests({
    db: () => database.db,
    tokens: () => owner,
    handler: withParams(receiptRoute, () => ({ id: paidId })),
    method: "GET",
    path: "/payments/1/receipt.pdf",
    auth: "user",
  });
});

describe("GET /account/billing/receipts/:paymentId (signed-in customer)", () => {
  const fetchAsCustomer = (id: number | string, query?: Record<string, string>) =>
    callForBytes(
      withParams(customerReceiptRoute as Handler, { paymentId: id }),
      `/account/billing/receipts/${id}`,
      { query },
    );

  it("sends the signed-in customer's own receipt and credit note, and 404 for anyone else's or an unpaid one", async () => {
    const [ownerRow] = await database.db.select().from(users).where(eq(users.id, owner.userId));
    session.user = ownerRow!;
    const receipt = await fetchAsCustomer(paidId);
    expect(receipt.status).toBe(200);
    expect(receipt.headers.get("content-disposition")).toBe(
      `attachment; filename="receipt-${receiptNumber}.pdf"`,
    );
    expect(extractPdfText(receipt.body)).toContain(`Receipt ${receiptNumber}`);
    const creditNote = await fetchAsCustomer(paidId, { document: "credit_note" });
    expect(creditNote.status).toBe(200);
    expect(extractPdfText(creditNote.body)).toContain("Credit note CN-2026-");
    expect((await fetchAsCustomer(unpaidId)).status).toBe(404);
    expect((await fetchAsCustomer("nope")).status).toBe(404);

    session.user = await createCustomer(database.db, "other");
    expect((await fetchAsCustomer(paidId)).status).toBe(404);
  });

  it("sends a visitor who is not signed in to sign in", async () => {
    session.user = null;
    await expect(fetchAsCustomer(paidId)).rejects.toThrow("NEXT_REDIRECT");
  });
});

describe("a payment paid later", () => {
  it("gets a receipt whose number follows", async () => {
    freezeClock(new Date("2026-04-01T10:00:00Z"));
    const next = await payNew(database.db, owner.userId);
    const sequence = (n: string) => Number(n.slice(5));
    expect(sequence(next.receiptNumber!)).toBe(sequence(receiptNumber) + 1);
  });
});
