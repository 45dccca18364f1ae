import type { SegmentView } from "./find-segment";

/** A segment as the v1 API returns it (snake_case; the rules tree as stored). */
export function segmentJson(segment: SegmentView) {
  return {
    id: segment.id,
    code: segment.code,
    name: segment.name,
    description: segment.description,
    rules: segment.rules,
    created_at: segment.createdAt.toISOString(),
    updated_at: segment.updatedAt.toISOString(),
  };
}
