import "server-only";
import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import { getDb, type Db } from "@/lib/db";
import { gatewayCustomers } from "@/lib/db/schema";
import type { GatewayContext, GatewayCustomer } from "./gateway";

const GATEWAY = "stripe";

async function storedCustomerId(db: Db, userId: number): Promise<string | null> {
  const [row] = await db
    .select({ customerId: gatewayCustomers.customerId })
    .from(gatewayCustomers)
    .where(and(eq(gatewayCustomers.userId, userId), eq(gatewayCustomers.gateway, GATEWAY)));
  return row?.customerId ?? null;
}

/**
 * The user's Stripe Customer (`cus_…`), created on first use. Two racing requests send the same idempotency key, so
 * Stripe creates one customer, and the unique (user, gateway) row keeps one mapping: the loser's insert does nothing
 * and it reads the winner's row.
 */
export async function getOrCreateStripeCustomer(
  stripe: Stripe,
  customer: GatewayCustomer,
  context?: GatewayContext,
): Promise<string> {
  const db = context?.db ?? (await getDb());
  const existing = await storedCustomerId(db, customer.userId);
  if (existing) return existing;
  const created = await stripe.customers.create(
    {
      email: customer.email,
      ...(customer.name ? { name: customer.name } : {}),
      metadata: { subflow_user_id: String(customer.userId) },
    },
    { idempotencyKey: `subflow-customer-${customer.userId}` },
  );
  await db
    .insert(gatewayCustomers)
    .values({ userId: customer.userId, gateway: GATEWAY, customerId: created.id })
    .onConflictDoNothing({ target: [gatewayCustomers.userId, gatewayCustomers.gateway] });
  const stored = await storedCustomerId(db, customer.userId);
  if (!stored)
    throw new Error(`stripe gateway: the customer row of user ${customer.userId} vanished`);
  return stored;
}
