import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import {
  payments,
  type Payment,
  subscriptions,
  type Subscription,
  type User,
  users,
} from "@/lib/db/schema";
import { notFound } from "@/lib/errors";

/**
 * What node executors and criteria read about the user and the trigger. Loads lazily, once per context. Payment and
 * subscription come from the trigger's payload (`payment_id`, `subscription_id`) and must belong to the user.
 */
export interface RunContext {
  db: Db;
  now: Date;
  userId: number;
  trigger: { event: string; payload: Record<string, unknown> };
  user(): Promise<User>;
  payment(): Promise<Payment | null>;
  subscription(): Promise<Subscription | null>;
}

const idIn = (payload: Record<string, unknown>, key: string) => {
  const value = payload[key];
  return typeof value === "number" && Number.isInteger(value) ? value : null;
};

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | null = null;
  return () => (promise ??= load());
}

export function createRunContext(options: {
  db: Db;
  now: Date;
  userId: number;
  trigger: { event: string; payload: Record<string, unknown> };
}): RunContext {
  const { db, userId, trigger } = options;
  return {
    ...options,
    user: once(async () => {
      const [user] = await db.select().from(users).where(eq(users.id, userId));
      if (!user) throw notFound("user_not_found", `User ${userId} no longer exists.`);
      return user;
    }),
    payment: once(async () => {
      const id = idIn(trigger.payload, "payment_id");
      if (id === null) return null;
      const [payment] = await db
        .select()
        .from(payments)
        .where(and(eq(payments.id, id), eq(payments.userId, userId)));
      return payment ?? null;
    }),
    subscription: once(async () => {
      const id = idIn(trigger.payload, "subscription_id");
      if (id === null) return null;
      const [subscription] = await db
        .select()
        .from(subscriptions)
        .where(and(eq(subscriptions.id, id), eq(subscriptions.userId, userId)));
      return subscription ?? null;
    }),
  };
}
