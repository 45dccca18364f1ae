import { and, eq } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import {
  actorUserId,
  adminActor,
  customerActor,
  ownedByActor,
  SYSTEM_ACTOR,
} from "@/lib/auth/actor";
import { payments } from "@/lib/db/schema";

const render = (condition: ReturnType<typeof and>) =>
  condition ? new PgDialect().sqlToQuery(condition) : undefined;

describe("ownedByActor", () => {
  it("holds a customer to rows whose owner column is their user id", () => {
    expect(
      render(and(eq(payments.id, 7), ownedByActor(customerActor(42), payments.userId))),
    ).toMatchObject({
      sql: '("payments"."id" = $1 and "payments"."user_id" = $2)',
      params: [7, 42],
    });
  });

  it("leaves admins and the system unrestricted", () => {
    expect(ownedByActor(adminActor(1), payments.userId)).toBeUndefined();
    expect(ownedByActor(SYSTEM_ACTOR, payments.userId)).toBeUndefined();
    expect(
      render(and(eq(payments.id, 7), ownedByActor(adminActor(1), payments.userId))),
    ).toMatchObject({
      sql: '"payments"."id" = $1',
      params: [7],
    });
  });
});

describe("actorUserId", () => {
  it("names the person who acted, and nobody for the system", () => {
    expect(actorUserId(customerActor(42))).toBe(42);
    expect(actorUserId(adminActor(3))).toBe(3);
    expect(actorUserId(SYSTEM_ACTOR)).toBeNull();
  });
});
