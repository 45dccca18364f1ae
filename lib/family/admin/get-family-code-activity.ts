import "server-only";
import { countPerBucket } from "@/lib/charts/count-per-bucket";
import type { ChartPoint } from "@/lib/charts/chart-period";
import type { ChartWindow } from "@/lib/charts/chart-window";
import type { Db } from "@/lib/db";
import { familyRequests } from "@/lib/db/schema";

export type FamilyCodeActivityPoint = ChartPoint<"issued" | "activated">;

/** Family codes per bucket: issued (a master's seats, replacements included) and activated by a member. */
export async function getFamilyCodeActivity(
  db: Db,
  window: ChartWindow,
): Promise<FamilyCodeActivityPoint[]> {
  return countPerBucket(db, window, [
    { key: "issued", table: familyRequests, column: familyRequests.createdAt },
    { key: "activated", table: familyRequests, column: familyRequests.acceptedAt },
  ]);
}
