import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { appBaseUrl } from "@/lib/email/build-email-context";
import { CURRENCY } from "@/lib/money";
import { checkoutPath } from "./checkout-path";
import type { GatewayCustomer } from "./gateways/gateway";

/** The payer as a gateway needs them. */
export async function loadGatewayCustomer(db: Db, userId: number): Promise<GatewayCustomer> {
  const [user] = await db
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new Error(`user ${userId} vanished before its charge`);
  return { userId, email: user.email, name: user.name };
}

/** The installation's currency as gateways write it (ISO 4217, lower case). */
export const gatewayCurrency = () => CURRENCY.toLowerCase();

/** The absolute URL of a payment's checkout page: where a customer pays, comes back to, or confirms a charge. */
export const absoluteCheckoutUrl = (paymentId: number, query = "") =>
  `${appBaseUrl()}${checkoutPath(paymentId)}${query}`;

/** The absolute URL of the customer's billing page (where a redirecting gateway sends them back after saving a card). */
export const absoluteBillingUrl = (query = "") => `${appBaseUrl()}/account/billing${query}`;
