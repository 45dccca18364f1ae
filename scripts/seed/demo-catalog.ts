import { eq } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { contentAccess, subscriptionTypes } from "@/lib/db/schema";
import { createContentAccess } from "@/lib/subscriptions/create-content-access";
import { saveSubscriptionType } from "@/lib/subscriptions/save-subscription-type";
import type { SubscriptionTypeInput } from "@/lib/subscriptions/schemas";

const MONTH_DAYS = 31;
const YEAR_DAYS = 365;

export const DEMO_CONTENT_ACCESS = [
  {
    code: "web",
    name: "Web",
    description: "Every article on the website and in the apps.",
    sorting: 10,
  },
  {
    code: "print",
    name: "Print",
    description: "The printed edition, delivered weekly.",
    sorting: 20,
  },
  {
    code: "club",
    name: "Club",
    description: "Members' events, newsletters and the reader club.",
    sorting: 30,
  },
];

/** What the pricing page shows of a demo type: offered, in this order, with this line. */
type PricingPage = Required<Pick<SubscriptionTypeInput, "offered" | "position" | "description">> & {
  highlighted?: boolean;
};

const offered = (position: number, description: string, highlighted = false): PricingPage => ({
  offered: true,
  position,
  description,
  highlighted,
});

/**
 * One default type per content-access set and length (what upgrades look for), plus an introductory month that
 * renews into the regular one. Ordered so that a type's next type is created before it. The default types are on the
 * pricing page, Web + Print recommended; the introductory month and the family type are not sold there.
 */
export const DEMO_SUBSCRIPTION_TYPES: SubscriptionTypeInput[] = [
  {
    code: "web_monthly",
    name: "Web monthly",
    lengthDays: MONTH_DAYS,
    priceCents: 499,
    contentAccessCodes: ["web"],
    isDefault: true,
    ...offered(10, "Every article on the website and in the apps."),
  },
  {
    code: "web_yearly",
    name: "Web yearly",
    lengthDays: YEAR_DAYS,
    priceCents: 4990,
    contentAccessCodes: ["web"],
    isDefault: true,
    ...offered(11, "A year of every article, two months free."),
  },
  {
    code: "web_monthly_intro",
    name: "Web first month",
    lengthDays: MONTH_DAYS,
    priceCents: 99,
    contentAccessCodes: ["web"],
    nextSubscriptionTypeCode: "web_monthly",
  },
  {
    code: "web_print_monthly",
    name: "Web + Print monthly",
    lengthDays: MONTH_DAYS,
    priceCents: 1290,
    contentAccessCodes: ["web", "print"],
    isDefault: true,
    ...offered(20, "The website plus the printed edition, delivered weekly.", true),
  },
  {
    code: "web_print_yearly",
    name: "Web + Print yearly",
    lengthDays: YEAR_DAYS,
    priceCents: 12900,
    contentAccessCodes: ["web", "print"],
    isDefault: true,
    ...offered(21, "A year of the website and the weekly print edition.", true),
  },
  {
    code: "club_monthly",
    name: "Club monthly",
    lengthDays: MONTH_DAYS,
    priceCents: 299,
    contentAccessCodes: ["club"],
    isDefault: true,
    ...offered(30, "Members' events, newsletters and the reader club."),
  },
  {
    code: "club_yearly",
    name: "Club yearly",
    lengthDays: YEAR_DAYS,
    priceCents: 2990,
    contentAccessCodes: ["club"],
    isDefault: true,
    ...offered(31, "A year in the reader club."),
  },
  {
    code: "web_club_monthly",
    name: "Web + Club monthly",
    lengthDays: MONTH_DAYS,
    priceCents: 699,
    contentAccessCodes: ["web", "club"],
    isDefault: true,
    ...offered(40, "Every article, plus members' events and newsletters."),
  },
  {
    code: "web_club_yearly",
    name: "Web + Club yearly",
    lengthDays: YEAR_DAYS,
    priceCents: 6990,
    contentAccessCodes: ["web", "club"],
    isDefault: true,
    ...offered(41, "A year of every article and the reader club."),
  },
  {
    code: "web_print_club_monthly",
    name: "All access monthly",
    lengthDays: MONTH_DAYS,
    priceCents: 1490,
    contentAccessCodes: ["web", "print", "club"],
    isDefault: true,
    ...offered(50, "Everything: website, print edition and the reader club."),
  },
  {
    code: "web_print_club_yearly",
    name: "All access yearly",
    lengthDays: YEAR_DAYS,
    priceCents: 14900,
    contentAccessCodes: ["web", "print", "club"],
    isDefault: true,
    ...offered(51, "A year of everything we publish."),
  },
  // A family's master type (scripts/seed/demo-family.ts): web for the buyer plus shareable codes; not the web default.
  {
    code: "family_web_yearly",
    name: "Family web yearly",
    lengthDays: YEAR_DAYS,
    priceCents: 9900,
    contentAccessCodes: ["web"],
  },
];

/** Create the demo content access and subscription types that do not exist yet (by code); returns what it created. */
export async function seedDemoCatalog(db: Db): Promise<string[]> {
  const created: string[] = [];
  for (const access of DEMO_CONTENT_ACCESS) {
    const [existing] = await db
      .select({ id: contentAccess.id })
      .from(contentAccess)
      .where(eq(contentAccess.code, access.code));
    if (existing) continue;
    await createContentAccess(db, access);
    created.push(`content access ${access.code}`);
  }
  for (const type of DEMO_SUBSCRIPTION_TYPES) {
    const [existing] = await db
      .select({ id: subscriptionTypes.id })
      .from(subscriptionTypes)
      .where(eq(subscriptionTypes.code, type.code));
    if (existing) continue;
    await saveSubscriptionType(db, type);
    created.push(`subscription type ${type.code}`);
  }
  created.push(...(await offerDemoTypes(db)));
  return created;
}

/**
 * A database seeded before the pricing page existed has the demo types with nothing offered: put them on the page.
 * Once any type is offered (by this seed or an admin), the pricing page is the admin's and is left as it is.
 */
async function offerDemoTypes(db: Db): Promise<string[]> {
  const [anyOffered] = await db
    .select({ id: subscriptionTypes.id })
    .from(subscriptionTypes)
    .where(eq(subscriptionTypes.offered, true))
    .limit(1);
  if (anyOffered) return [];
  const offered: string[] = [];
  for (const type of DEMO_SUBSCRIPTION_TYPES) {
    if (!type.offered) continue;
    const [updated] = await db
      .update(subscriptionTypes)
      .set({
        offered: true,
        position: type.position,
        description: type.description,
        highlighted: type.highlighted ?? false,
        updatedAt: now(),
      })
      .where(eq(subscriptionTypes.code, type.code))
      .returning({ code: subscriptionTypes.code });
    if (updated) offered.push(`pricing page offer ${updated.code}`);
  }
  return offered;
}
