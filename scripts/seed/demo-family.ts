import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { familySubscriptionTypes } from "@/lib/db/schema";
import { saveFamilyType } from "@/lib/family/admin/save-family-type";
import type { FamilyTypeInput } from "@/lib/family/schemas";
import { findSubscriptionTypeByCode } from "@/lib/subscriptions/find-subscription-type";

/** A yearly family pack: its buyer gets three codes, each a web yearly subscription with the buyer's dates. */
const DEMO_FAMILY_TYPES: FamilyTypeInput[] = [
  {
    masterTypeCode: "family_web_yearly",
    childTypeCode: "web_yearly",
    donationMethod: "copy",
    count: 3,
    isPaid: true,
  },
];

/** The demo family types that do not exist yet (by master type). Needs the demo catalog; creates no requests. */
export async function seedDemoFamily(db: Db): Promise<string[]> {
  const created: string[] = [];
  for (const spec of DEMO_FAMILY_TYPES) {
    const master = await findSubscriptionTypeByCode(db, spec.masterTypeCode);
    const [existing] = await db
      .select({ id: familySubscriptionTypes.id })
      .from(familySubscriptionTypes)
      .where(eq(familySubscriptionTypes.masterSubscriptionTypeId, master.id));
    if (existing) continue;
    await saveFamilyType(db, spec);
    created.push(
      `family type ${spec.masterTypeCode} (${spec.count} × ${spec.childTypeCode ?? "customizable"})`,
    );
  }
  return created;
}
