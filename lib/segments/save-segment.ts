import "server-only";
import { eq, sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { segments } from "@/lib/db/schema";
import { conflict, isUniqueViolation, notFound } from "@/lib/errors";
import { checkRuleReferences } from "./check-rule-references";
import { compileSegmentRules, loadSegmentCatalog } from "./compile-segment";
import { toSegmentView, type SegmentView } from "./find-segment";
import { segmentsReferencing } from "./segment-references";
import { segmentInputSchema, type SegmentInput } from "./schemas";
import { refuseIfScenariosUse } from "@/lib/scenarios/find-scenarios-using";

export interface SaveSegmentOptions extends SegmentInput {
  /** Set to edit that segment; absent to create one. */
  id?: number;
}

const exists = (code: string) =>
  conflict("segment_exists", `A segment with code "${code}" exists.`);

/** Serialise the writes that change which segments exist or what they refer to. */
export async function lockSegmentCatalog(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('subflow.segments'))`);
}

/**
 * Create or edit a segment. The rules are compiled before writing, so a rule set that refers to a missing segment
 * or back to itself (`segment_cycle`) is never stored; a code other segments refer to cannot be renamed.
 */
export async function saveSegment(db: Db, options: SaveSegmentOptions): Promise<SegmentView> {
  const input = segmentInputSchema.parse(options);
  try {
    return await db.transaction(async (tx) => {
      // Saves take turns: two edits that each look fine alone (a → b, b → a) must not both commit a cycle.
      await lockSegmentCatalog(tx);
      const catalog = await loadSegmentCatalog(tx);
      if (options.id !== undefined) {
        const [current] = await tx
          .select({ code: segments.code })
          .from(segments)
          .where(eq(segments.id, options.id));
        if (!current) throw notFound("segment_not_found", "No such segment.");
        const users = current.code === input.code ? [] : segmentsReferencing(catalog, current.code);
        if (users.length > 0) {
          throw conflict(
            "segment_in_use",
            `Segment "${current.code}" is used by ${users.join(", ")}; its code cannot change.`,
          );
        }
        if (current.code !== input.code) {
          await refuseIfScenariosUse(
            tx,
            { kind: "segment", code: current.code },
            `Segment "${current.code}" (its code cannot change)`,
          );
        }
        catalog.delete(current.code);
      }
      if (catalog.has(input.code)) throw exists(input.code);
      await checkRuleReferences(tx, input.rules);
      // Compiling resolves every reference with this segment on the path: a cycle or a missing segment throws.
      compileSegmentRules(input.rules, { now: now(), catalog, path: [input.code] });

      const values = {
        code: input.code,
        name: input.name,
        description: input.description || null,
        rules: input.rules,
        updatedAt: now(),
      };
      const [row] =
        options.id === undefined
          ? await tx
              .insert(segments)
              .values({ ...values, createdAt: now() })
              .returning()
          : await tx.update(segments).set(values).where(eq(segments.id, options.id)).returning();
      if (!row) throw notFound("segment_not_found", "No such segment.");
      return toSegmentView(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw exists(input.code);
    throw error;
  }
}
