import { describe, expect, it } from "vitest";
import { createEventBodySchema } from "@/lib/api/operations/events";
import { createPaymentBodySchema } from "@/lib/api/operations/payments";
import { createSubscriptionBodySchema } from "@/lib/api/operations/subscriptions";
import { createUserBodySchema } from "@/lib/api/operations/users";
import { queryBooleanSchema, timestampInputSchema } from "@/lib/api/request-schemas";

describe("timestampInputSchema", () => {
  it.each([
    ["2026-01-01T00:00:00Z", "2026-01-01T00:00:00.000Z"],
    ["2026-01-01T01:30:00+01:30", "2026-01-01T00:00:00.000Z"],
    ["2025-12-31T19:00:00.250-05:00", "2026-01-01T00:00:00.250Z"],
  ])("parses %s with its offset", (input, utc) => {
    expect(timestampInputSchema.parse(input).toISOString()).toBe(utc);
  });

  it.each([
    "2026-01-01T00:00:00",
    "2026-01-01",
    "2026-02-30T00:00:00Z",
    "yesterday",
    1767225600000,
  ])("refuses %s", (input) => {
    expect(timestampInputSchema.safeParse(input).success).toBe(false);
  });
});

describe("queryBooleanSchema", () => {
  it("takes only true and false", () => {
    expect(queryBooleanSchema.parse("true")).toBe(true);
    expect(queryBooleanSchema.parse("false")).toBe(false);
    expect(queryBooleanSchema.safeParse("1").success).toBe(false);
  });
});

describe("request bodies", () => {
  it("normalises the email of a new user and refuses a role", () => {
    expect(createUserBodySchema.parse({ email: "  Jane@Example.COM " })).toEqual({
      email: "jane@example.com",
    });
    expect(
      createUserBodySchema.safeParse({ email: "jane@example.com", role: "admin" }).success,
    ).toBe(false);
  });

  it("fills payment defaults: status form, gateway manual, count 1", () => {
    expect(
      createPaymentBodySchema.parse({
        user_id: 1,
        items: [{ subscription_type_code: "web_month" }],
      }),
    ).toEqual({
      user_id: 1,
      items: [{ subscription_type_code: "web_month", count: 1 }],
      status: "form",
      gateway: "manual",
    });
  });

  it("refuses unknown and camelCase fields at every level", () => {
    expect(
      createPaymentBodySchema.safeParse({ user_id: 1, items: [{ subscriptionTypeCode: "x" }] })
        .success,
    ).toBe(false);
    expect(
      createPaymentBodySchema.safeParse({ userId: 1, items: [{ subscription_type_code: "x" }] })
        .success,
    ).toBe(false);
    expect(
      createSubscriptionBodySchema.safeParse({ user_id: 1, subscription_type_code: "x", extra: 1 })
        .success,
    ).toBe(false);
  });

  it("refuses ids that are not positive 32-bit integers", () => {
    for (const user_id of [0, -1, 1.5, 2 ** 31, "1"]) {
      expect(
        createSubscriptionBodySchema.safeParse({ user_id, subscription_type_code: "x" }).success,
      ).toBe(false);
    }
  });

  it.each(["custom.opened", "custom.newsletter.opened", "custom.a-b_c"])(
    "accepts the custom event name %s",
    (name) => {
      expect(createEventBodySchema.safeParse({ name, user_id: 1 }).success).toBe(true);
    },
  );

  it.each([
    "payment.paid",
    "custom.",
    "custom.Opened",
    "custom",
    "Custom.opened",
    `custom.${"a".repeat(101)}`,
  ])("refuses the event name %s", (name) => {
    expect(createEventBodySchema.safeParse({ name, user_id: 1 }).success).toBe(false);
  });
});
