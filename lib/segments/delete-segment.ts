import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { segments } from "@/lib/db/schema";
import { conflict, notFound } from "@/lib/errors";
import { loadSegmentCatalog } from "./compile-segment";
import { toSegmentView, type SegmentView } from "./find-segment";
import { refuseIfScenariosUse } from "@/lib/scenarios/find-scenarios-using";
import { lockSegmentCatalog } from "./save-segment";
import { segmentsReferencing } from "./segment-references";

/** Delete a segment, unless another segment's rules or a scenario refer to it (`segment_in_use`, 409). */
export async function deleteSegment(db: Db, options: { id: number }): Promise<SegmentView> {
  return db.transaction(async (tx) => {
    await lockSegmentCatalog(tx);
    const [current] = await tx
      .select({ code: segments.code })
      .from(segments)
      .where(eq(segments.id, options.id));
    if (!current) throw notFound("segment_not_found", "No such segment.");
    const users = segmentsReferencing(await loadSegmentCatalog(tx), current.code);
    if (users.length > 0) {
      throw conflict(
        "segment_in_use",
        `Segment "${current.code}" is used by ${users.join(", ")}; change those first.`,
      );
    }
    await refuseIfScenariosUse(
      tx,
      { kind: "segment", code: current.code },
      `Segment "${current.code}"`,
    );
    const [row] = await tx.delete(segments).where(eq(segments.id, options.id)).returning();
    if (!row) throw notFound("segment_not_found", "No such segment.");
    return toSegmentView(row);
  });
}
