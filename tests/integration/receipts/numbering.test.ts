import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { freezeClock } from "@/lib/clock";
import { documentCounters, payments } from "@/lib/db/schema";
import { markPaymentPaid } from "@/lib/payments/mark-payment-paid";
import { recordRefund } from "@/lib/payments/record-refund";
import { settleUpgradeCharge } from "@/lib/upgrades/settle-upgrade-charge";
import { openTestDatabase } from "../../support/test-database";
import {
  createCustomer,
  createUnpaid,
  payNew,
  reloadPayment,
  seedReceiptCatalog,
} from "./receipt-fixtures";

// Counters are per year; each test numbers in a year of its own, so the tests of this file do not share a sequence.
let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase();
  await seedReceiptCatalog(database.db);
});
afterAll(() => database.close());

async function counter(kind: "receipt" | "credit_note", year: number): Promise<number | null> {
  const [row] = await database.db
    .select()
    .from(documentCounters)
    .where(and(eq(documentCounters.kind, kind), eq(documentCounters.year, year)));
  return row?.lastNumber ?? null;
}

describe("receipt numbers", () => {
  it("are assigned when a payment is paid, once: paying again neither renumbers nor takes a number", async () => {
    freezeClock(new Date("2031-05-01T10:00:00Z"));
    const user = await createCustomer(database.db);
    const unpaid = await createUnpaid(database.db, user.id);
    expect(unpaid.receiptNumber).toBeNull();

    const first = await markPaymentPaid(database.db, { paymentId: unpaid.id, actor: SYSTEM_ACTOR });
    expect(first.payment.receiptNumber).toBe("2031-000001");
    const again = await markPaymentPaid(database.db, { paymentId: unpaid.id, actor: SYSTEM_ACTOR });
    expect(again).toMatchObject({ alreadyPaid: true, payment: { receiptNumber: "2031-000001" } });
    expect((await reloadPayment(database.db, unpaid.id)).receiptNumber).toBe("2031-000001");
    expect(await counter("receipt", 2031)).toBe(1);

    expect((await payNew(database.db, user.id)).receiptNumber).toBe("2031-000002");
  });

  it("are given to a 0.00 payment too (it is still a document of the sale)", async () => {
    freezeClock(new Date("2036-02-01T10:00:00Z"));
    const user = await createCustomer(database.db, "trial");
    const paid = await payNew(database.db, user.id, "web_trial");
    expect(paid).toMatchObject({ amountCents: 0, status: "paid", receiptNumber: "2036-000001" });
  });

  it("run per calendar year of paid_at (UTC) and restart at 1 in a new year", async () => {
    const user = await createCustomer(database.db, "years");
    freezeClock(new Date("2032-12-31T23:59:59Z"));
    expect((await payNew(database.db, user.id)).receiptNumber).toBe("2032-000001");
    expect((await payNew(database.db, user.id)).receiptNumber).toBe("2032-000002");
    freezeClock(new Date("2033-01-01T00:00:00Z"));
    expect((await payNew(database.db, user.id)).receiptNumber).toBe("2033-000001");
    // A payment recorded as paid in the previous year (paid_at given) continues that year's sequence.
    const late = await createUnpaid(database.db, user.id);
    const paid = await markPaymentPaid(database.db, {
      paymentId: late.id,
      paidAt: new Date("2032-12-30T12:00:00Z"),
      actor: SYSTEM_ACTOR,
    });
    expect(paid.payment.receiptNumber).toBe("2032-000003");
    expect((await payNew(database.db, user.id)).receiptNumber).toBe("2033-000002");
  });

  it("have no gap and no duplicate when 20 payments are paid at the same time", async () => {
    freezeClock(new Date("2034-03-03T09:00:00Z"));
    const unpaid = [];
    for (let i = 0; i < 20; i++)
      unpaid.push(await createUnpaid(database.db, (await createCustomer(database.db, "rush")).id));
    const results = await Promise.all(
      unpaid.map((payment) =>
        markPaymentPaid(database.db, { paymentId: payment.id, actor: SYSTEM_ACTOR }),
      ),
    );
    const numbers = results.map((result) => result.payment.receiptNumber);
    const expected = Array.from({ length: 20 }, (_, i) => `2034-${String(i + 1).padStart(6, "0")}`);
    expect([...numbers].sort()).toEqual(expected);
    expect(await counter("receipt", 2034)).toBe(20);
  });

  it("leave no gap when the transaction that paid a payment rolls back", async () => {
    freezeClock(new Date("2035-06-01T08:00:00Z"));
    const user = await createCustomer(database.db, "rollback");
    expect((await payNew(database.db, user.id)).receiptNumber).toBe("2035-000001");
    const doomed = await createUnpaid(database.db, user.id);
    let numberedInside: string | null = null;
    await expect(
      database.db.transaction(async (tx) => {
        numberedInside = (await markPaymentPaid(tx, { paymentId: doomed.id, actor: SYSTEM_ACTOR }))
          .payment.receiptNumber;
        throw new Error("the caller's next step failed");
      }),
    ).rejects.toThrow("the caller's next step failed");
    expect(numberedInside).toBe("2035-000002");
    expect(await reloadPayment(database.db, doomed.id)).toMatchObject({
      status: "form",
      receiptNumber: null,
    });
    expect(await counter("receipt", 2035)).toBe(1);
    expect((await payNew(database.db, user.id)).receiptNumber).toBe("2035-000002");
  });

  it("are given by an upgrade charge's paid settlement, which marks the payment paid itself", async () => {
    freezeClock(new Date("2037-04-04T12:00:00Z"));
    const user = await createCustomer(database.db, "upgrade");
    const charge = await createUnpaid(database.db, user.id);
    await database.db
      .update(payments)
      .set({ upgradeType: "paid_recurrent", status: "pending" })
      .where(eq(payments.id, charge.id));
    // No upgrade offer was recorded, so nothing is upgraded and the charge is flagged for a refund — paid all the same.
    const result = await database.db.transaction(async (tx) => {
      const [locked] = await tx
        .select()
        .from(payments)
        .where(eq(payments.id, charge.id))
        .for("update");
      return settleUpgradeCharge(tx, locked!, { status: "paid", reference: "demo_upgrade_ref" });
    });
    expect(result).toMatchObject({
      status: "paid",
      payment: { status: "paid", receiptNumber: "2037-000001" },
    });
    expect((await reloadPayment(database.db, charge.id)).receiptNumber).toBe("2037-000001");
  });
});

describe("credit note numbers", () => {
  it("are assigned when a payment is refunded, once, in the refund's year, keeping the receipt number", async () => {
    freezeClock(new Date("2038-12-31T20:00:00Z"));
    const user = await createCustomer(database.db, "refund");
    const paid = await payNew(database.db, user.id);
    expect(paid.creditNoteNumber).toBeNull();
    freezeClock(new Date("2039-01-02T09:00:00Z"));
    const refunded = await recordRefund(database.db, { paymentId: paid.id });
    expect(refunded).toMatchObject({
      status: "refund",
      receiptNumber: "2038-000001",
      creditNoteNumber: "CN-2039-000001",
    });
    const again = await recordRefund(database.db, { paymentId: paid.id });
    expect(again.creditNoteNumber).toBe("CN-2039-000001");
    expect(await counter("credit_note", 2039)).toBe(1);
    // Credit notes have a sequence of their own: the year's receipts do not advance it.
    await payNew(database.db, user.id);
    const second = await recordRefund(database.db, {
      paymentId: (await payNew(database.db, user.id)).id,
    });
    expect(second.creditNoteNumber).toBe("CN-2039-000002");
  });
});
