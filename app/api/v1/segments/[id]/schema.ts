import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { RULE_ERRORS, segmentBodySchema, segmentResponseSchema } from "../schema";

/** `{id}` of /segments/{id}/…: a positive integer, else 404 like an id that does not exist. */
export const segmentIdParamsSchema = z.object({ id: z.string().regex(/^\d{1,10}$/).meta({ description: "Segment id." }) });

/** Path parameters are documented here: defineOperation covers body, query and headers only. */
export function withSegmentIdPath<T extends object>(operation: T, extra: z.ZodRawShape = {}) {
  return { ...operation, requestParams: { ...("requestParams" in operation ? (operation.requestParams as object) : {}), path: segmentIdParamsSchema.extend(extra) } };
}

const auth = { token: "api", scope: "segments" } as const;

export const getSegmentOperation = withSegmentIdPath(
  defineOperation({
    operationId: "getSegment",
    summary: "Get a segment",
    tags: ["Segments"],
    auth,
    responses: { "200": { description: "The segment.", content: jsonContent(segmentResponseSchema) } },
    errors: { 404: ["segment_not_found"] },
  }),
);

export const updateSegmentOperation = withSegmentIdPath(
  defineOperation({
    operationId: "updateSegment",
    summary: "Replace a segment's code, name, description and rules",
    tags: ["Segments"],
    auth,
    body: segmentBodySchema,
    responses: { "200": { description: "Saved.", content: jsonContent(segmentResponseSchema) } },
    errors: { 400: RULE_ERRORS, 404: ["segment_not_found"], 409: ["segment_exists", "segment_in_use"] },
  }),
);

export const deleteSegmentOperation = withSegmentIdPath(
  defineOperation({
    operationId: "deleteSegment",
    summary: "Delete a segment no other segment refers to",
    tags: ["Segments"],
    auth,
    responses: { "200": { description: "Deleted; the segment as it was.", content: jsonContent(segmentResponseSchema) } },
    errors: { 404: ["segment_not_found"], 409: ["segment_in_use"] },
  }),
);
