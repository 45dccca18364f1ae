import { eq } from "drizzle-orm";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import {
  familyRequests,
  familySubscriptionTypes,
  subscriptionTypes,
  type FamilyRequest,
  type FamilySubscriptionType,
  type Payment,
  type Subscription,
} from "@/lib/db/schema";
import { generateFamilyRequests } from "@/lib/family/generate-family-requests";
import { createPayment } from "@/lib/payments/create-payment";
import { markPaymentPaid } from "@/lib/payments/mark-payment-paid";
import { saveSubscriptionType } from "@/lib/subscriptions/save-subscription-type";
import { createUser } from "@/lib/users/create-user";
import { issueUserToken } from "@/lib/users/issue-user-token";
import { seedCatalogTypes } from "../../support/catalog";

/**
 * Fixtures for the family tests. Every test file gets a database of its own (tests/support/test-database.ts): call
 * `seedFamilyCatalog` once per file (beforeAll). Emails are unique per call, so masters and friends can be made per
 * test; `addFamilyType` adds more master types (a fresh code each call) for other donation methods or counts.
 */

/** The demo catalog's family example: a yearly web family subscription whose three codes each give web yearly. */
export const FAMILY_CATALOG = {
  family_web_yearly: {
    name: "Family web yearly",
    lengthDays: 365,
    priceCents: 9990,
    content: ["web"],
  },
  web_yearly: { name: "Web yearly", lengthDays: 365, priceCents: 4990, content: ["web"] },
  print_monthly: { name: "Print monthly", lengthDays: 31, priceCents: 990, content: ["print"] },
} as const;
export type FamilyCatalogCode = keyof typeof FAMILY_CATALOG;

export const FAMILY_MASTER_CODE = "family_web_yearly";
export const FAMILY_CHILD_CODE = "web_yearly";
/** Requests the seeded family type gives per master subscription. */
export const FAMILY_COUNT = 3;

export interface FamilyCatalog {
  typeIds: Record<FamilyCatalogCode, number>;
  /** family_web_yearly → web_yearly, copy, count 3, self-use forbidden. */
  familyType: FamilySubscriptionType;
}

/** Content access web and print, the types of FAMILY_CATALOG, and the family type row for family_web_yearly. */
export async function seedFamilyCatalog(db: Db): Promise<FamilyCatalog> {
  const typeIds = await seedCatalogTypes(db, {
    contentAccess: ["web", "print"],
    types: FAMILY_CATALOG,
  });
  const familyType = await insertFamilyType(db, {
    masterSubscriptionTypeId: typeIds.family_web_yearly,
    childSubscriptionTypeId: typeIds.web_yearly,
    donationMethod: "copy",
    count: FAMILY_COUNT,
  });
  return { typeIds, familyType };
}

let sequence = 0;
const nextId = () => `${Date.now().toString(36)}-${++sequence}`;

type FamilyTypeValues = typeof familySubscriptionTypes.$inferInsert;

/** A family_subscription_types row written straight to the table (the admin's validation is the lead's to test). */
export async function insertFamilyType(
  db: Db,
  values: FamilyTypeValues,
): Promise<FamilySubscriptionType> {
  const [row] = await db.insert(familySubscriptionTypes).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/**
 * A new master type (a fresh code, web content) with its family type giving `childCode` children; for the `days` and
 * `fixed` methods, self-use and other counts. Returns the master type's code.
 */
export async function addFamilyType(
  db: Db,
  options: Omit<FamilyTypeValues, "masterSubscriptionTypeId" | "childSubscriptionTypeId"> & {
    childCode?: string;
    lengthDays?: number;
  },
): Promise<{ masterCode: string; familyType: FamilySubscriptionType }> {
  const { childCode = FAMILY_CHILD_CODE, lengthDays = 365, ...values } = options;
  const masterCode = `family_${nextId().replace(/[^a-z0-9]/g, "_")}`;
  const master = await saveSubscriptionType(db, {
    code: masterCode,
    name: `Family ${masterCode}`,
    lengthDays,
    priceCents: 9990,
    contentAccessCodes: ["web"],
  });
  const familyType = await insertFamilyType(db, {
    ...values,
    masterSubscriptionTypeId: master.id,
    childSubscriptionTypeId: await typeIdOf(db, childCode),
  });
  return { masterCode, familyType };
}

async function typeIdOf(db: Db, code: string): Promise<number> {
  const [type] = await db
    .select({ id: subscriptionTypes.id })
    .from(subscriptionTypes)
    .where(eq(subscriptionTypes.code, code));
  if (!type) throw new Error(`no subscription type ${code}`);
  return type.id;
}

/** A customer with a user token for the API. */
export async function createFamilyCustomer(db: Db, label = "customer") {
  const user = await createUser(db, {
    email: `${label}-${nextId()}@example.com`,
    name: `${label} ${sequence}`,
    password: "secret-password",
  });
  const { token } = await issueUserToken(db, { userId: user.id });
  return { user, token };
}

export interface FamilyPurchase {
  payment: Payment;
  subscription: Subscription;
  /** The master subscription's requests after generation, oldest first. */
  requests: FamilyRequest[];
}

/**
 * Buy a master subscription the way a customer does (a `demo` payment of `count` units, paid now), then generate its
 * requests as the subscription.created function would.
 */
export async function buyFamilySubscription(
  db: Db,
  options: { userId: number; typeCode?: string; count?: number },
): Promise<FamilyPurchase> {
  const { payment } = await createPayment(db, {
    userId: options.userId,
    gateway: "demo",
    items: [
      { subscriptionTypeCode: options.typeCode ?? FAMILY_MASTER_CODE, count: options.count ?? 1 },
    ],
  });
  const paid = await markPaymentPaid(db, { paymentId: payment.id, actor: SYSTEM_ACTOR });
  if (!paid.subscription) throw new Error("paying created no subscription");
  await generateFamilyRequests(db, { subscriptionId: paid.subscription.id });
  const requests = await db
    .select()
    .from(familyRequests)
    .where(eq(familyRequests.masterSubscriptionId, paid.subscription.id))
    .orderBy(familyRequests.id);
  return { payment: paid.payment, subscription: paid.subscription, requests };
}

/** A master customer (with a user token) who bought a family subscription, and its generated requests. */
export async function createFamilyMaster(
  db: Db,
  options: { typeCode?: string; count?: number; label?: string } = {},
) {
  const customer = await createFamilyCustomer(db, options.label ?? "parent");
  const purchase = await buyFamilySubscription(db, {
    userId: customer.user.id,
    typeCode: options.typeCode,
    count: options.count,
  });
  return { ...customer, ...purchase };
}
