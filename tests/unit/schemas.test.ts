import { describe, expect, it } from "vitest";
import { createPaymentSchema } from "@/lib/payments/schemas";
import { subscriptionTypeInputSchema } from "@/lib/subscriptions/schemas";
import { createUserSchema } from "@/lib/users/schemas";
import { driverFor } from "@/lib/db/connect";

describe("createUserSchema", () => {
  it("normalises the email to lower case and trims it", () => {
    expect(createUserSchema.parse({ email: "  Jane@Example.COM " }).email).toBe("jane@example.com");
  });

  it("refuses a malformed email and a short password", () => {
    expect(createUserSchema.safeParse({ email: "jane" }).success).toBe(false);
    const result = createUserSchema.safeParse({ email: "a@b.co", password: "short" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["password"]);
  });
});

describe("subscriptionTypeInputSchema", () => {
  const valid = {
    code: "web_month",
    name: "Web",
    lengthDays: 31,
    priceCents: 499,
    contentAccessCodes: ["web"],
  };

  it("accepts a valid type and defaults the flags", () => {
    expect(subscriptionTypeInputSchema.parse(valid)).toMatchObject({
      active: true,
      isDefault: false,
    });
  });

  it.each([
    [{ code: "Web Month" }, "code"],
    [{ lengthDays: 0 }, "lengthDays"],
    [{ priceCents: 4.99 }, "priceCents"],
    [{ priceCents: -1 }, "priceCents"],
    [{ contentAccessCodes: [] }, "contentAccessCodes"],
  ])("refuses %o", (patch, field) => {
    const result = subscriptionTypeInputSchema.safeParse({ ...valid, ...patch });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path[0]).toBe(field);
  });
});

describe("createPaymentSchema", () => {
  it("needs at least one item and whole-cent unit prices", () => {
    expect(createPaymentSchema.safeParse({ userId: 1, items: [] }).success).toBe(false);
    expect(
      createPaymentSchema.safeParse({
        userId: 1,
        items: [{ subscriptionTypeCode: "x", amountCents: 1.5 }],
      }).success,
    ).toBe(false);
    expect(
      createPaymentSchema.parse({ userId: 1, items: [{ subscriptionTypeCode: "x" }] }),
    ).toMatchObject({
      items: [{ count: 1 }],
      meta: {},
    });
  });
});

describe("driverFor", () => {
  it("chooses the driver from DATABASE_URL", () => {
    expect(driverFor(undefined)).toBe("pglite");
    expect(driverFor("postgres://u@127.0.0.1:5432/db")).toBe("pg");
    expect(driverFor("postgres://u:p@ep-cool-darkness-123456.eu-central-1.aws.neon.tech/db")).toBe(
      "neon",
    );
  });
});
