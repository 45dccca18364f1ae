import "server-only";
import { asc } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { segments } from "@/lib/db/schema";
import { toSegmentView, type SegmentView } from "./find-segment";

/** Every segment, by name (there are tens, not thousands: no paging). */
export async function listSegments(db: Db): Promise<SegmentView[]> {
  const rows = await db.select().from(segments).orderBy(asc(segments.name), asc(segments.id));
  return rows.map(toSegmentView);
}
