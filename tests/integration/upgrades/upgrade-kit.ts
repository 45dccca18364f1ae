import { eq } from "drizzle-orm";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import {
  recurrentPayments,
  subscriptionTypeUpgradeSchemas,
  subscriptionTypes,
  upgradeOptions,
  upgradeSchemas,
  type UpgradeOption,
  type UpgradeSchema,
} from "@/lib/db/schema";
import { createPayment } from "@/lib/payments/create-payment";
import { markPaymentPaid } from "@/lib/payments/mark-payment-paid";
import {
  upgradeOptionConfigSchema,
  type UpgradeMethod,
  type UpgradeOptionConfigInput,
} from "@/lib/upgrades/option-config";
import { createUser } from "@/lib/users/create-user";
import { issueUserToken } from "@/lib/users/issue-user-token";
import { seedCatalogTypes } from "../../support/catalog";

/**
 * Fixtures for the upgrade tests. Every test file gets a database of its own (tests/support/test-database.ts), so the
 * catalog codes are fixed: call `seedUpgradeCatalog` once per file (beforeAll). Schema names and emails are unique per
 * call, so schemas and customers can be made per test.
 */

/** The demo catalog's default types (design.md's examples): monthly 31 days, yearly 365 days, web and web + print. */
export const UPGRADE_CATALOG = {
  web_monthly: { name: "Web monthly", lengthDays: 31, priceCents: 499, content: ["web"] },
  web_print_monthly: {
    name: "Web + Print monthly",
    lengthDays: 31,
    priceCents: 1290,
    content: ["web", "print"],
  },
  web_yearly: { name: "Web yearly", lengthDays: 365, priceCents: 4990, content: ["web"] },
  web_print_yearly: {
    name: "Web + Print yearly",
    lengthDays: 365,
    priceCents: 12900,
    content: ["web", "print"],
  },
} as const;
export type CatalogCode = keyof typeof UPGRADE_CATALOG;

/** Content access web, print and club, and the four default types of UPGRADE_CATALOG. Returns the type ids by code. */
export async function seedUpgradeCatalog(db: Db): Promise<Record<CatalogCode, number>> {
  return seedCatalogTypes(db, {
    contentAccess: ["web", "print", "club"],
    types: UPGRADE_CATALOG,
    isDefault: true,
  });
}

let sequence = 0;
const nextId = () => `${Date.now().toString(36)}-${++sequence}`;

export interface UpgradeOptionSpec {
  type: UpgradeMethod;
  config: UpgradeOptionConfigInput;
  /** An explicit target type; without it the engine resolves the target from the config. */
  targetCode?: string;
}

/**
 * An upgrade schema with its options, linked to these subscription types, written straight to the tables (the config
 * goes through the same zod schema the admin saves with). The name gets a unique suffix.
 */
export async function createUpgradeSchema(
  db: Db,
  spec: { name: string; linkTypeCodes: string[]; options: UpgradeOptionSpec[] },
): Promise<{ schema: UpgradeSchema; options: UpgradeOption[] }> {
  const [schema] = await db
    .insert(upgradeSchemas)
    .values({ name: `${spec.name} ${nextId()}` })
    .returning();
  if (!schema) throw new Error("insert returned no row");
  const options: UpgradeOption[] = [];
  for (const option of spec.options) {
    const [row] = await db
      .insert(upgradeOptions)
      .values({
        upgradeSchemaId: schema.id,
        type: option.type,
        config: upgradeOptionConfigSchema.parse(option.config),
        subscriptionTypeId: option.targetCode ? await typeIdOf(db, option.targetCode) : null,
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    options.push(row);
  }
  for (const code of spec.linkTypeCodes) {
    await db
      .insert(subscriptionTypeUpgradeSchemas)
      .values({ subscriptionTypeId: await typeIdOf(db, code), upgradeSchemaId: schema.id });
  }
  return { schema, options };
}

async function typeIdOf(db: Db, code: string): Promise<number> {
  const [type] = await db
    .select({ id: subscriptionTypes.id })
    .from(subscriptionTypes)
    .where(eq(subscriptionTypes.code, code));
  if (!type) throw new Error(`no subscription type ${code}`);
  return type.id;
}

/**
 * Buy a subscription the way a customer does: a `demo` gateway payment, paid now (the subscription starts now, or
 * after the running one with the same content). With a card token the payment also sets up an active recurrent
 * payment on that card.
 */
export async function buySubscription(
  db: Db,
  options: { userId: number; typeCode: string; cardToken?: string },
) {
  const { payment } = await createPayment(db, {
    userId: options.userId,
    gateway: "demo",
    items: [{ subscriptionTypeCode: options.typeCode }],
    recurrentCardToken: options.cardToken ?? null,
  });
  const paid = await markPaymentPaid(db, { paymentId: payment.id, actor: SYSTEM_ACTOR });
  if (!paid.subscription) throw new Error("paying created no subscription");
  const [recurrent] = await db
    .select()
    .from(recurrentPayments)
    .where(eq(recurrentPayments.parentPaymentId, payment.id));
  return {
    payment: paid.payment,
    subscription: paid.subscription,
    recurrentPayment: recurrent ?? null,
  };
}

/** A customer with a user token for the API. */
export async function createCustomer(db: Db, label = "customer") {
  const user = await createUser(db, {
    email: `${label}-${nextId()}@example.com`,
    password: "secret-password",
  });
  const { token } = await issueUserToken(db, { userId: user.id });
  return { user, token };
}
