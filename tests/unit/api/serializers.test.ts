import { describe, expect, it } from "vitest";
import { paymentSchema } from "@/lib/payments/payment-json";
import { subscriptionTypeSchema } from "@/lib/subscriptions/subscription-json";
import { userSchema } from "@/lib/users/user-json";
import { serializePayment, serializePaymentItem } from "@/lib/payments/payment-json";
import { serializeSubscriptionType } from "@/lib/subscriptions/subscription-json";
import { serializeUser } from "@/lib/users/user-json";
import type { Payment, PaymentItem, SubscriptionType, User } from "@/lib/db/schema";

const at = new Date("2026-01-02T03:04:05.678Z");

describe("serializers", () => {
  it("turns a user into snake_case JSON without secrets", () => {
    const user: User = {
      id: 7,
      email: "jane@example.com",
      name: null,
      passwordHash: "$2b$secret",
      role: "customer",
      createdAt: at,
      confirmedAt: null,
      lastLoginAt: null,
      paymentDisputedAt: null,
      addressLine1: null,
      addressLine2: null,
      postalCode: null,
      city: null,
      country: null,
      sessionVersion: 0,
      locale: null,
      timeZone: null,
    };
    const json = serializeUser(user);
    expect(json).toEqual({
      id: 7,
      email: "jane@example.com",
      name: null,
      role: "customer",
      created_at: "2026-01-02T03:04:05.678Z",
    });
    expect(userSchema.parse(json)).toEqual(json);
  });

  it("sorts content access codes of a subscription type", () => {
    const type: SubscriptionType = {
      id: 1,
      code: "all",
      name: "All",
      lengthDays: 31,
      priceCents: 999,
      active: true,
      isDefault: false,
      nextSubscriptionTypeId: null,
      fixedEnd: null,
      offered: false,
      position: 100,
      description: null,
      highlighted: false,
      createdAt: at,
      updatedAt: at,
    };
    const json = serializeSubscriptionType(type, {
      contentAccessCodes: ["web", "club", "print"],
      nextCode: null,
    });
    expect(json.content_access).toEqual(["club", "print", "web"]);
    expect(subscriptionTypeSchema.parse(json)).toEqual(json);
  });

  it("keeps the card token and meta of a payment out of its JSON", () => {
    const payment: Payment = {
      id: 3,
      userId: 7,
      amountCents: 499,
      status: "paid",
      gateway: "demo",
      paidAt: at,
      refundedAt: null,
      upgradeType: null,
      recurrentPaymentId: null,
      recurrentCardToken: "tok_visa",
      failureReason: null,
      meta: { idempotency_key: "k" },
      chargeAttempt: 1,
      gatewayReference: "demo_1",
      pendingSince: null,
      receiptNumber: null,
      creditNoteNumber: null,
      createdAt: at,
      updatedAt: at,
    };
    const item: PaymentItem = {
      id: 9,
      paymentId: 3,
      type: "subscription_type",
      subscriptionTypeId: 1,
      name: "Web",
      amountCents: 499,
      count: 1,
      meta: {},
    };
    const json = serializePayment(payment, [serializePaymentItem(item, "web_month")]);
    expect(json).toMatchObject({
      amount_cents: 499,
      paid_at: "2026-01-02T03:04:05.678Z",
      recurrent: true,
    });
    expect(JSON.stringify(json)).not.toMatch(/tok_visa|idempotency/);
    expect(paymentSchema.parse(json)).toEqual(json);
  });
});
