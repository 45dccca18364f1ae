import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { segments, type Segment } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { segmentRulesSchema, type SegmentRules } from "./segment-rules";

/** A segment with its rules parsed: stored JSON is validated when read back, not trusted. */
export type SegmentView = Omit<Segment, "rules"> & { rules: SegmentRules };

export function toSegmentView(row: Segment): SegmentView {
  return { ...row, rules: segmentRulesSchema.parse(row.rules) };
}

export async function findSegmentById(db: Db, id: number): Promise<SegmentView> {
  const [row] = await db.select().from(segments).where(eq(segments.id, id)).limit(1);
  if (!row) throw notFound("segment_not_found", "No such segment.");
  return toSegmentView(row);
}

export async function findSegmentByCode(db: Db, code: string): Promise<SegmentView> {
  const [row] = await db.select().from(segments).where(eq(segments.code, code)).limit(1);
  if (!row) throw notFound("segment_not_found", `No segment with code "${code}".`);
  return toSegmentView(row);
}
