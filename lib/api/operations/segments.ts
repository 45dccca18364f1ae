import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/define-operation";
import { segmentSchema } from "@/lib/segments/segment-json";
import { segmentInputSchema } from "@/lib/segments/schemas";

const fields = segmentInputSchema.shape;

/** The body of POST /segments and PUT /segments/{id}: a whole segment (PUT replaces it). */
export const segmentBodySchema = z
  .strictObject({
    code: fields.code,
    name: fields.name,
    description: fields.description,
    rules: fields.rules.meta({
      description:
        'The rules tree: `{ "match": "all" | "any", "rules": [...] }`; a rule is a field test or a group.',
    }),
  })
  .meta({ id: "SegmentRequest" });

export const segmentResponseSchema = z
  .object({ segment: segmentSchema })
  .meta({ id: "SegmentResponse" });
export const segmentListSchema = z
  .object({ segments: z.array(segmentSchema) })
  .meta({ id: "SegmentList" });

/** The codes a saved rules tree can be refused with. */
const RULE_ERRORS = [
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
  responses: {
    "200": { description: "Every segment, by name.", content: jsonContent(segmentListSchema) },
  },
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

/** `{id}` of /segments/{id}/…: a positive integer, else 404 like an id that does not exist. */
const segmentIdParamsSchema = z.object({
  id: z
    .string()
    .regex(/^\d{1,10}$/)
    .meta({ description: "Segment id." }),
});

/** Adds the path parameters, which defineOperation has no field for. */
function withSegmentIdPath<T extends object>(operation: T, extra: z.ZodRawShape = {}) {
  return {
    ...operation,
    requestParams: {
      ...("requestParams" in operation ? (operation.requestParams as object) : {}),
      path: segmentIdParamsSchema.extend(extra),
    },
  };
}

export const getSegmentOperation = withSegmentIdPath(
  defineOperation({
    operationId: "getSegment",
    summary: "Get a segment",
    tags: ["Segments"],
    auth,
    responses: {
      "200": { description: "The segment.", content: jsonContent(segmentResponseSchema) },
    },
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
    errors: {
      400: RULE_ERRORS,
      404: ["segment_not_found"],
      409: ["segment_exists", "segment_in_use"],
    },
  }),
);

export const deleteSegmentOperation = withSegmentIdPath(
  defineOperation({
    operationId: "deleteSegment",
    summary: "Delete a segment no other segment refers to",
    tags: ["Segments"],
    auth,
    responses: {
      "200": {
        description: "Deleted; the segment as it was.",
        content: jsonContent(segmentResponseSchema),
      },
    },
    errors: { 404: ["segment_not_found"], 409: ["segment_in_use"] },
  }),
);

export const segmentCountSchema = z
  .object({ count: z.number().int().meta({ description: "Users in the segment now." }) })
  .meta({ id: "SegmentCount" });

export const countSegmentOperation = withSegmentIdPath(
  defineOperation({
    operationId: "countSegmentUsers",
    summary: "Count the users in a segment now",
    tags: ["Segments"],
    auth,
    responses: { "200": { description: "The count.", content: jsonContent(segmentCountSchema) } },
    errors: { 400: ["segment_not_found", "segment_cycle"], 404: ["segment_not_found"] },
  }),
);

export const segmentMembershipSchema = z
  .object({ member: z.boolean().meta({ description: "Whether the user is in the segment now." }) })
  .meta({ id: "SegmentMembership" });

export const segmentMembershipOperation = withSegmentIdPath(
  defineOperation({
    operationId: "isUserInSegment",
    summary: "Is a user in a segment now?",
    tags: ["Segments"],
    auth,
    responses: {
      "200": { description: "Membership now.", content: jsonContent(segmentMembershipSchema) },
    },
    errors: {
      400: ["segment_not_found", "segment_cycle"],
      404: ["segment_not_found", "user_not_found"],
    },
  }),
  {
    userId: z
      .string()
      .regex(/^\d{1,10}$/)
      .meta({ description: "User id." }),
  },
);
