import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { payments, users } from "@/lib/db/schema";
import { createPayment } from "@/lib/payments/create-payment";
import { markPaymentPaid } from "@/lib/payments/mark-payment-paid";
import { createUser } from "@/lib/users/create-user";
import { seedCatalogTypes } from "../../support/catalog";
import type { Handler } from "../api/api-test-kit";

let sequence = 0;
export const uniqueEmail = (label: string) =>
  `${label}-${Date.now().toString(36)}-${++sequence}@example.com`;

/** Two types: a monthly web subscription at 4.99 and a free trial at 0.00. */
export async function seedReceiptCatalog(db: Db) {
  return seedCatalogTypes(db, {
    contentAccess: ["web"],
    types: {
      web_month: { name: "Web monthly", lengthDays: 31, priceCents: 499, content: ["web"] },
      web_trial: { name: "Web trial", lengthDays: 7, priceCents: 0, content: ["web"] },
    },
  });
}

export async function createCustomer(db: Db, label = "customer") {
  return createUser(db, { email: uniqueEmail(label) });
}

/** A payment in status `form` for one web_month. */
export async function createUnpaid(db: Db, userId: number, code = "web_month") {
  const { payment } = await createPayment(db, {
    userId,
    gateway: "demo",
    items: [{ subscriptionTypeCode: code }],
  });
  return payment;
}

export async function payNew(db: Db, userId: number, code = "web_month") {
  const payment = await createUnpaid(db, userId, code);
  return (await markPaymentPaid(db, { paymentId: payment.id, actor: SYSTEM_ACTOR })).payment;
}

export async function setAddress(
  db: Db,
  userId: number,
  values: Partial<typeof users.$inferInsert>,
) {
  await db.update(users).set(values).where(eq(users.id, userId));
}

export async function reloadPayment(db: Db, paymentId: number) {
  const [row] = await db.select().from(payments).where(eq(payments.id, paymentId));
  if (!row) throw new Error(`payment ${paymentId} is gone`);
  return row;
}

/** Call a route handler whose success is not JSON: the body as bytes, and JSON when it is an error. */
export async function callForBytes(
  handler: Handler,
  path: string,
  options: { token?: string; query?: Record<string, string> } = {},
) {
  const url = new URL(`http://localhost${path}`);
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
  const headers: Record<string, string> = options.token
    ? { authorization: `Bearer ${options.token}` }
    : {};
  const response = await handler(new NextRequest(url, { method: "GET", headers }), {
    params: Promise.resolve({}),
  });
  const body = Buffer.from(await response.arrayBuffer());
  const isJson = response.headers.get("content-type")?.includes("application/json") ?? false;
  return {
    status: response.status,
    headers: response.headers,
    body,
    json: isJson ? JSON.parse(body.toString("utf8")) : null,
  };
}
