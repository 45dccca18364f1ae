import "server-only";
import type { SegmentCatalog } from "./compile-segment";
import { referencedSegmentCodes, segmentRulesSchema } from "./segment-rules";

/** Codes of the segments whose stored rules refer to `code` (a segment does not count as using itself). */
export function segmentsReferencing(catalog: SegmentCatalog, code: string): string[] {
  const users: string[] = [];
  for (const [candidate, stored] of catalog) {
    if (candidate === code) continue;
    const parsed = segmentRulesSchema.safeParse(stored);
    if (parsed.success && referencedSegmentCodes(parsed.data).includes(code)) users.push(candidate);
  }
  return users.sort();
}
