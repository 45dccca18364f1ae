import "server-only";
import type { SQL } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { compileSegment } from "./compile-segment";
import { findSegmentById } from "./find-segment";
import { segmentRulesSchema, type SegmentRules } from "./segment-rules";

/** A saved segment, or rules being edited (with the code they will be saved under, so self-references are cycles). */
export type SegmentTarget = { segmentId: number } | { rules: SegmentRules; code?: string };

/** The `where` expression over `users` for a target, compiled at the clock's now. */
export async function segmentFilter(db: Db, target: SegmentTarget): Promise<SQL> {
  if ("segmentId" in target) {
    const segment = await findSegmentById(db, target.segmentId);
    return compileSegment(db, { rules: segment.rules, code: segment.code, now: now() });
  }
  return compileSegment(db, {
    rules: segmentRulesSchema.parse(target.rules),
    code: target.code,
    now: now(),
  });
}
