import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { freezeClock } from "@/lib/clock";
import { isAppError } from "@/lib/errors";
import { createPayment } from "@/lib/payments/create-payment";
import { markPaymentPaid } from "@/lib/payments/mark-payment-paid";
import { payPayment } from "@/lib/payments/pay-payment";
import { applyDiscountCode } from "@/lib/referrals/discounts/apply-discount-code";
import { createDiscountCode } from "@/lib/referrals/discounts/create-discount-code";
import { removeDiscountCode } from "@/lib/referrals/discounts/remove-discount-code";
import { loadUpgradeContext } from "@/lib/upgrades/load-upgrade-context";
import { openTestDatabase } from "../../support/test-database";
import { createCustomer, createUpgradeSchema, seedUpgradeCatalog } from "../upgrades/upgrade-kit";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;
const T0 = new Date("2026-06-01T10:00:00Z");

beforeAll(async () => {
  database = await openTestDatabase();
  await seedUpgradeCatalog(db());
  await createUpgradeSchema(db(), {
    name: "Web to print",
    linkTypeCodes: ["web_monthly"],
    options: [{ type: "paid_extend", config: { require_content: ["print"] } }],
  });
});
afterAll(() => database.close());

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
  return "no error";
}

async function cardPayment(userId: number, gateway: "demo" | "manual" = "demo") {
  const { payment } = await createPayment(db(), {
    userId,
    gateway,
    items: [{ subscriptionTypeCode: "web_monthly" }],
  });
  return payment;
}

describe("discounts and the money around them", () => {
  it("an upgrade credits what the discounted payment took, not the items' price", async () => {
    freezeClock(T0);
    const { user } = await createCustomer(db(), "discounted");
    const payment = await cardPayment(user.id);
    const code = await createDiscountCode(db(), {
      userId: user.id,
      kind: "percent",
      percentOff: 20,
    });
    await applyDiscountCode(db(), { userId: user.id, paymentId: payment.id, code: code.code });
    await markPaymentPaid(db(), { paymentId: payment.id, actor: SYSTEM_ACTOR });
    const context = await loadUpgradeContext(db(), { userId: user.id, now: T0 });
    expect(context.reason).toBeNull();
    expect(context.context?.base.paidCents).toBe(399);
  });

  it("the checkout refuses to charge an amount other than the one shown", async () => {
    const { user } = await createCustomer(db(), "two-tabs");
    const payment = await cardPayment(user.id);
    const code = await createDiscountCode(db(), {
      userId: user.id,
      kind: "fixed",
      amountOffCents: 100,
    });
    await applyDiscountCode(db(), { userId: user.id, paymentId: payment.id, code: code.code });
    // Tab 1 shows 3.99; tab 2 removes the code (4.99); tab 1 pays.
    await removeDiscountCode(db(), { userId: user.id, paymentId: payment.id });
    expect(
      await codeOf(
        payPayment(db(), {
          paymentId: payment.id,
          userId: user.id,
          cardToken: "tok_visa",
          expectedAmountCents: 399,
        }),
      ),
    ).toBe("payment_amount_changed");
    const paid = await payPayment(db(), {
      paymentId: payment.id,
      userId: user.id,
      cardToken: "tok_visa",
      expectedAmountCents: 499,
    });
    expect(paid.payment).toMatchObject({ status: "paid", amountCents: 499 });
  });

  it("a code applies only to card payments (a bank transfer is settled by hand at its amount)", async () => {
    const { user } = await createCustomer(db(), "transfer");
    const payment = await cardPayment(user.id, "manual");
    const code = await createDiscountCode(db(), {
      userId: user.id,
      kind: "percent",
      percentOff: 10,
    });
    expect(
      await codeOf(
        applyDiscountCode(db(), { userId: user.id, paymentId: payment.id, code: code.code }),
      ),
    ).toBe("discount_not_applicable");
  });
});
