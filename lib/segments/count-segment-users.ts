import "server-only";
import { count } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { segmentFilter, type SegmentTarget } from "./segment-filter";

/** How many users a saved segment, or unsaved rules (the editor's live count), hold now. */
export async function countSegmentUsers(db: Db, target: SegmentTarget): Promise<number> {
  const where = await segmentFilter(db, target);
  const [row] = await db.select({ n: count() }).from(users).where(where);
  return row?.n ?? 0;
}
