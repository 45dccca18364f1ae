import { addDays } from "@/lib/clock";
import type { FamilySubscriptionType } from "@/lib/db/schema";

/**
 * The dates of a child subscription (design.md "Family"): `copy` takes the master's start and end, `days` lasts N days
 * from `from`, `fixed` runs from `from` to the fixed date. Null when nothing would remain (a fixed date passed).
 */
export function childDates(
  familyType: Pick<
    FamilySubscriptionType,
    "donationMethod" | "donationDays" | "donationFixedEnd"
  > | null,
  master: { startAt: Date; endAt: Date },
  from: Date,
): { startAt: Date; endAt: Date } | null {
  const method = familyType?.donationMethod ?? "copy";
  if (method === "days" && familyType?.donationDays)
    return { startAt: from, endAt: addDays(from, familyType.donationDays) };
  if (method === "fixed" && familyType?.donationFixedEnd) {
    return familyType.donationFixedEnd.getTime() > from.getTime()
      ? { startAt: from, endAt: familyType.donationFixedEnd }
      : null;
  }
  return { startAt: master.startAt, endAt: master.endAt };
}
