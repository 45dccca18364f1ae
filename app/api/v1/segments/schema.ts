import { z } from "zod";
import { timestampSchema } from "@/lib/api/entity-schemas";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { segmentInputSchema } from "@/lib/segments/segment-schemas";

const fields = segmentInputSchema.shape;

/** The body of POST /segments and PUT /segments/{id}: a whole segment (PUT replaces it). */
export const segmentBodySchema = z
  .strictObject({
    code: fields.code,
    name: fields.name,
    description: fields.description,
    rules: fields.rules.meta({
      description: 'The rules tree: `{ "match": "all" | "any", "rules": [...] }`; a rule is a field test or a group.',
    }),
  })
  .meta({ id: "SegmentRequest" });

export const segmentSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    rules: fields.rules,
    created_at: timestampSchema,
    updated_at: timestampSchema,
  })
  .meta({ id: "Segment" });

export const segmentResponseSchema = z.object({ segment: segmentSchema }).meta({ id: "SegmentResponse" });
export const segmentListSchema = z.object({ segments: z.array(segmentSchema) }).meta({ id: "SegmentList" });

/** The codes a saved rules tree can be refused with. */
export const RULE_ERRORS = [
  "segment_not_found",
  "segment_cycle",
  "content_access_not_found",
  "subscription_type_not_found",
] as const;

const auth = { token: "api", scope: "segments" } as const;

export const listSegmentsOperation = defineOperation({
  operationId: "listSegments",
  summary: "List segments",
  tags: ["Segments"],
  auth,
  responses: { "200": { description: "Every segment, by name.", content: jsonContent(segmentListSchema) } },
});

export const createSegmentOperation = defineOperation({
  operationId: "createSegment",
  summary: "Create a segment",
  tags: ["Segments"],
  auth,
  body: segmentBodySchema,
  responses: { "201": { description: "Created.", content: jsonContent(segmentResponseSchema) } },
  errors: { 400: RULE_ERRORS, 409: ["segment_exists"] },
});
