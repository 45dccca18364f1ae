import { z } from "zod";
import { timestampSchema } from "@/lib/api/response-schemas";
import type { SegmentView } from "./find-segment";
import { segmentInputSchema } from "./schemas";

/** Segments in the v1 API's snake_case JSON: the response schema (also in OpenAPI) and the row → JSON mapping. */

export const segmentSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    rules: segmentInputSchema.shape.rules,
    created_at: timestampSchema,
    updated_at: timestampSchema,
  })
  .meta({ id: "Segment" });
export type SegmentJson = z.output<typeof segmentSchema>;

export function serializeSegment(segment: SegmentView): SegmentJson {
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
