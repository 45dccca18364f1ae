import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { compileSegmentRules, loadSegmentCatalog } from "./compile-segment";

/**
 * Is the user in the segment now? The scenario engine's `segment` node. The membership itself is one query (the
 * segment and every segment it refers to are compiled inline); the rules are read with one more.
 * An unknown segment code is `segment_not_found` (400).
 */
export async function isUserInSegment(
  db: Db,
  options: { segmentCode: string; userId: number },
): Promise<boolean> {
  const catalog = await loadSegmentCatalog(db);
  const member = compileSegmentRules(
    { match: "all", rules: [{ field: "segment", operator: "in", value: options.segmentCode }] },
    { now: now(), catalog },
  );
  const [row] = await db
    .select({ member: sql<boolean>`true` })
    .from(users)
    .where(and(eq(users.id, options.userId), member))
    .limit(1);
  return row?.member === true;
}
