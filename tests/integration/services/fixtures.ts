import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { createPayment } from "@/lib/payments/create-payment";
import { markPaymentPaid } from "@/lib/payments/mark-payment-paid";
import { createContentAccess } from "@/lib/subscriptions/create-content-access";
import { saveSubscriptionType } from "@/lib/subscriptions/save-subscription-type";
import { createUser } from "@/lib/users/create-user";

let sequence = 0;
export const uniqueEmail = (label = "user") =>
  `${label}-${Date.now().toString(36)}-${++sequence}@example.com`;

/** Content access web/print and three types: web 31 d 4.99, web 365 d 49.90, web+print 31 d 9.99. */
export async function seedCatalog(db: Db) {
  await createContentAccess(db, { code: "web", name: "Web" });
  await createContentAccess(db, { code: "print", name: "Print" });
  const webMonth = await saveSubscriptionType(db, {
    code: "web_month",
    name: "Web monthly",
    lengthDays: 31,
    priceCents: 499,
    contentAccessCodes: ["web"],
    isDefault: true,
  });
  const webYear = await saveSubscriptionType(db, {
    code: "web_year",
    name: "Web yearly",
    lengthDays: 365,
    priceCents: 4990,
    contentAccessCodes: ["web"],
    isDefault: true,
  });
  const webPrintMonth = await saveSubscriptionType(db, {
    code: "web_print_month",
    name: "Web + print monthly",
    lengthDays: 31,
    priceCents: 999,
    contentAccessCodes: ["web", "print"],
    isDefault: true,
  });
  return { webMonth, webYear, webPrintMonth };
}

export async function buyPaid(db: Db, userId: number, code: string, cardToken?: string) {
  const { payment } = await createPayment(db, {
    userId,
    gateway: "demo",
    items: [{ subscriptionTypeCode: code }],
    recurrentCardToken: cardToken ?? null,
  });
  return markPaymentPaid(db, { paymentId: payment.id, actor: SYSTEM_ACTOR });
}

export { createUser };
