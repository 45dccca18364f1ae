import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { contentAccess, subscriptionTypes } from "@/lib/db/schema";
import { createContentAccess } from "@/lib/subscriptions/create-content-access";
import { saveSubscriptionType } from "@/lib/subscriptions/save-subscription-type";
import type { SubscriptionTypeInput } from "@/lib/subscriptions/subscription-type-schemas";

const MONTH_DAYS = 31;
const YEAR_DAYS = 365;

export const DEMO_CONTENT_ACCESS = [
  { code: "web", name: "Web", description: "Every article on the website and in the apps.", sorting: 10 },
  { code: "print", name: "Print", description: "The printed edition, delivered weekly.", sorting: 20 },
  { code: "club", name: "Club", description: "Members' events, newsletters and the reader club.", sorting: 30 },
];

/**
 * One default type per content-access set and length (what upgrades look for), plus an introductory month that
 * renews into the regular one. Ordered so that a type's next type is created before it.
 */
export const DEMO_SUBSCRIPTION_TYPES: SubscriptionTypeInput[] = [
  { code: "web_monthly", name: "Web monthly", lengthDays: MONTH_DAYS, priceCents: 499, contentAccessCodes: ["web"], isDefault: true },
  { code: "web_yearly", name: "Web yearly", lengthDays: YEAR_DAYS, priceCents: 4990, contentAccessCodes: ["web"], isDefault: true },
  {
    code: "web_monthly_intro",
    name: "Web first month",
    lengthDays: MONTH_DAYS,
    priceCents: 99,
    contentAccessCodes: ["web"],
    nextSubscriptionTypeCode: "web_monthly",
  },
  { code: "web_print_monthly", name: "Web + Print monthly", lengthDays: MONTH_DAYS, priceCents: 1290, contentAccessCodes: ["web", "print"], isDefault: true },
  { code: "web_print_yearly", name: "Web + Print yearly", lengthDays: YEAR_DAYS, priceCents: 12900, contentAccessCodes: ["web", "print"], isDefault: true },
  { code: "club_monthly", name: "Club monthly", lengthDays: MONTH_DAYS, priceCents: 299, contentAccessCodes: ["club"], isDefault: true },
  { code: "club_yearly", name: "Club yearly", lengthDays: YEAR_DAYS, priceCents: 2990, contentAccessCodes: ["club"], isDefault: true },
  { code: "web_club_monthly", name: "Web + Club monthly", lengthDays: MONTH_DAYS, priceCents: 699, contentAccessCodes: ["web", "club"], isDefault: true },
  { code: "web_club_yearly", name: "Web + Club yearly", lengthDays: YEAR_DAYS, priceCents: 6990, contentAccessCodes: ["web", "club"], isDefault: true },
  {
    code: "web_print_club_monthly",
    name: "All access monthly",
    lengthDays: MONTH_DAYS,
    priceCents: 1490,
    contentAccessCodes: ["web", "print", "club"],
    isDefault: true,
  },
  {
    code: "web_print_club_yearly",
    name: "All access yearly",
    lengthDays: YEAR_DAYS,
    priceCents: 14900,
    contentAccessCodes: ["web", "print", "club"],
    isDefault: true,
  },
  // A family's master type (scripts/seed/demo-family.ts): web for the buyer plus shareable codes; not the web default.
  { code: "family_web_yearly", name: "Family web yearly", lengthDays: YEAR_DAYS, priceCents: 9900, contentAccessCodes: ["web"] },
];

/** Create the demo content access and subscription types that do not exist yet (by code); returns what it created. */
export async function seedDemoCatalog(db: Db): Promise<string[]> {
  const created: string[] = [];
  for (const access of DEMO_CONTENT_ACCESS) {
    const [existing] = await db.select({ id: contentAccess.id }).from(contentAccess).where(eq(contentAccess.code, access.code));
    if (existing) continue;
    await createContentAccess(db, access);
    created.push(`content access ${access.code}`);
  }
  for (const type of DEMO_SUBSCRIPTION_TYPES) {
    const [existing] = await db.select({ id: subscriptionTypes.id }).from(subscriptionTypes).where(eq(subscriptionTypes.code, type.code));
    if (existing) continue;
    await saveSubscriptionType(db, type);
    created.push(`subscription type ${type.code}`);
  }
  return created;
}
